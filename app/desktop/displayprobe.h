#pragma once

// Whether a window can be shown at all, checked before QApplication exists: without a display
// QApplication aborts, and tertulia must say so instead.
namespace DisplayProbe {

bool displayAvailable();

} // namespace DisplayProbe
