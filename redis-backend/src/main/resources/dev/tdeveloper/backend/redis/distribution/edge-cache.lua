-- One tenant's partition of the edge cache; every key starts with base = <prefix>{<tenant>}:
-- so the partition lives in one Redis Cluster slot, and nothing here can touch another tenant.
--   base..'e:'..key  the entry (PX ttl)           base..'exp'   ZSET key -> expiry (epoch ms)
--   base..'ord'      ZSET key -> insertion order  base..'info'  HASH key -> {s=bytes, t=tags}
--   base..'meta'     HASH bytes, seq              base..'t:'..tag  SET of keys
-- Entries evicted or purged are found through the index, so their keys are derived here
-- rather than declared; they share the declared keys' hash tag and slot.
-- ARGV: op, base, now (ms), then per op:
--   put:          key, entry, ttl (ms), expiresAt (ms), maxEntries, maxBytes, tags...
--                 -> {1, evicted} stored, {0} declined (larger than the byte budget)
--   purge:        tag -> {removed}
--   purge-tenant: -> {removed}
local op, base, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local EXP, ORD, INFO, META = base .. 'exp', base .. 'ord', base .. 'info', base .. 'meta'

local function remove(k)
  local info = redis.call('HGET', INFO, k)
  if not info then
    return false
  end
  local meta = cmsgpack.unpack(info)
  redis.call('DEL', base .. 'e:' .. k)
  redis.call('ZREM', EXP, k)
  redis.call('ZREM', ORD, k)
  redis.call('HDEL', INFO, k)
  redis.call('HINCRBY', META, 'bytes', -meta.s)
  for _, tag in ipairs(meta.t) do
    redis.call('SREM', base .. 't:' .. tag, k)
  end
  return true
end

local function live(k)
  local expires = redis.call('ZSCORE', EXP, k)
  return expires and tonumber(expires) > now and redis.call('EXISTS', base .. 'e:' .. k) == 1
end

local function keep(key, ttl)
  local left = redis.call('PTTL', key)
  redis.call('PEXPIRE', key, math.max(left, ttl))
end

if op == 'put' then
  local key, entry, ttl, expires = ARGV[4], ARGV[5], tonumber(ARGV[6]), ARGV[7]
  local maxEntries, maxBytes, tags = tonumber(ARGV[8]), tonumber(ARGV[9]), {}
  for i = 10, #ARGV do
    tags[#tags + 1] = ARGV[i]
  end
  local size = #entry + #key
  remove(key)
  for _, k in ipairs(redis.call('ZRANGEBYSCORE', EXP, '-inf', now, 'LIMIT', 0, 100)) do
    remove(k)
  end
  if size > maxBytes then
    return {0}
  end
  local evicted = 0
  while redis.call('ZCARD', ORD) >= maxEntries
      or tonumber(redis.call('HGET', META, 'bytes') or '0') + size > maxBytes do
    local oldest = redis.call('ZRANGE', ORD, 0, 0)[1]
    if not oldest then
      redis.call('HSET', META, 'bytes', 0) -- nothing left to count
      break
    end
    remove(oldest)
    evicted = evicted + 1
  end
  redis.call('SET', base .. 'e:' .. key, entry, 'PX', ttl)
  redis.call('ZADD', EXP, expires, key)
  redis.call('ZADD', ORD, redis.call('HINCRBY', META, 'seq', 1), key)
  redis.call('HSET', INFO, key, cmsgpack.pack({s = size, t = tags}))
  redis.call('HINCRBY', META, 'bytes', size)
  for _, tag in ipairs(tags) do
    redis.call('SADD', base .. 't:' .. tag, key)
    keep(base .. 't:' .. tag, ttl)
  end
  -- the index outlives its longest-lived entry, then vanishes with it
  local left = math.max(redis.call('PTTL', META), ttl)
  for _, k in ipairs({EXP, ORD, INFO, META}) do
    redis.call('PEXPIRE', k, left)
  end
  return {1, evicted}
elseif op == 'purge' then
  local tagKey = base .. 't:' .. ARGV[4]
  local removed = 0
  for _, k in ipairs(redis.call('SMEMBERS', tagKey)) do
    local wasLive = live(k)
    if remove(k) and wasLive then
      removed = removed + 1
    end
  end
  redis.call('DEL', tagKey)
  return {removed}
elseif op == 'purge-tenant' then
  local removed = 0
  for _, k in ipairs(redis.call('ZRANGE', ORD, 0, -1)) do
    if live(k) then
      removed = removed + 1
    end
    remove(k)
  end
  redis.call('DEL', EXP, ORD, INFO, META)
  return {removed}
end
return redis.error_reply('unknown edge-cache operation ' .. tostring(op))
