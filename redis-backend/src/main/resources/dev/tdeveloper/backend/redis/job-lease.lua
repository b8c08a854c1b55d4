-- One job-lease operation, atomically.
--
-- KEYS[1]  the lease; its value is "<token>|<expiresAtMillis>|<holder>", SET with PX the time to live
-- KEYS[2]  the job's fencing counter (INCR, never expires, so tokens keep growing)
-- ARGV[1]  "acquire", "renew" or "release"
-- ARGV[2]  the holder
-- ARGV[3]  the fencing token (renew, release; "" for acquire)
-- ARGV[4]  the time to live in milliseconds (acquire, renew)
-- ARGV[5]  "" to decide by the server's TIME; else a test-only frozen time in epoch milliseconds
--          (then keys get no server expiry and the stored expiry alone decides)
--
-- Returns acquire: {1, token} if granted, {0, token of the current grant} if held;
--         renew, release: {1} if done, {0} if the lease is no longer the current unexpired grant.

local now
if ARGV[5] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[5])
end

local token, expires, holder
local raw = redis.call('GET', KEYS[1])
if raw then
  token, expires, holder = string.match(raw, '^(%d+)|(%d+)|(.*)$')
  if tonumber(expires) <= now then
    token = nil
  end
end

local function grant(t)
  local ttl = tonumber(ARGV[4])
  local value = t .. '|' .. string.format('%.0f', now + ttl) .. '|' .. ARGV[2]
  if ARGV[5] == '' then
    redis.call('SET', KEYS[1], value, 'PX', ttl)
  else
    redis.call('SET', KEYS[1], value)
  end
end

if ARGV[1] == 'acquire' then
  if token then
    return { 0, tonumber(token) }
  end
  local next = redis.call('INCR', KEYS[2])
  grant(string.format('%.0f', next))
  return { 1, next }
end

if not token or token ~= ARGV[3] or holder ~= ARGV[2] then
  return { 0 }
end
if ARGV[1] == 'renew' then
  grant(token)
else
  redis.call('DEL', KEYS[1])
end
return { 1 }
