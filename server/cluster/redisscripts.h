#pragma once

// The Lua scripts RedisRoom runs in Redis (loaded once per connection, run by SHA-1): each does
// in one step what must not interleave with another host's doing the same.
namespace RedisScripts {

// Counts, stores and publishes in one step, so ids, the stream and what hosts hear agree.
// KEYS: sequence, log. ARGV: resend key or '', record, keep, channel, floor, resend window.
// The floor (the caller's newest id) keeps ids growing even if Redis lost its counter.
inline constexpr auto kAppend = R"lua(
if ARGV[1] ~= '' then
  local earlier = redis.call('GET', ARGV[1])
  if earlier then return {tonumber(earlier), 1} end
end
local id = redis.call('INCR', KEYS[1])
local floor = tonumber(ARGV[5])
if id <= floor then
  id = floor + 1
  redis.call('SET', KEYS[1], id)
end
redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], id .. '-1', 'm', ARGV[2])
if ARGV[1] ~= '' then redis.call('SET', ARGV[1], id, 'EX', ARGV[6]) end
redis.call('PUBLISH', ARGV[4], 'm ' .. id .. ' ' .. ARGV[2])
return {id, 0}
)lua";

// A name is free if nobody holds it, its holder's host stopped beating, or the resume token
// is the holder's; then it is the caller's, under a new generation (returned; 0: taken).
// KEYS: names, claims counter. ARGV: name key, token, node, record, node key prefix.
inline constexpr auto kClaim = R"lua(
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then
  local holder = cjson.decode(current)
  if holder.node ~= ARGV[3] and redis.call('EXISTS', ARGV[5] .. holder.node) == 1
     and (ARGV[2] == '' or holder.token ~= ARGV[2]) then
    return 0
  end
end
local record = cjson.decode(ARGV[4])
record.gen = redis.call('INCR', KEYS[2])
redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(record))
return record.gen
)lua";

// Holds a name (with its token) and says so, unless another host claimed it since.
// KEYS: names. ARGV: name key, node, record, channel, news.
inline constexpr auto kHold = R"lua(
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).node ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
)lua";

// Only the host holding a name lets it go. KEYS: names. ARGV: name key, node, channel, news.
inline constexpr auto kRelease = R"lua(
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current and cjson.decode(current).node == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('PUBLISH', ARGV[3], ARGV[4])
end
return 1
)lua";

} // namespace RedisScripts
