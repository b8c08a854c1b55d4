-- One origin's replication stream; all keys share the origin's hash tag (one Cluster slot).
-- KEYS: seq (last sequence), stream (entries with ids <seq>-0), acks (HASH receiver -> acked),
--       floors (HASH receiver -> every entry up to it is acknowledged by it or not for it).
-- The stream is trimmed below the lowest floor, so an entry stays until each target acked it.
-- ARGV[1] is the operation:
--   publish, cap, targets field (,a,b,), tenant, topic, stamp, payload, target...
--       -> {1, seq} or {0, backlog, lowest receiver, its floor} when the backlog is at the cap
--   poll, receiver, max -> {1, entry...} or {-1, acked, published} when acks outran the stream
--   ack, receiver, sequence -> {1, acked} or {-1, published} when sequence is beyond it
local SEQ, STREAM, ACKS, FLOORS = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local BATCH = 100

local function id(n)
  return string.format('%d-0', n)
end

local function sequenceOf(entry)
  return tonumber(string.match(entry[1], '^(%d+)'))
end

local function targets(entry, needle)
  local fields = entry[2]
  for i = 1, #fields, 2 do
    if fields[i] == 't' then
      return string.find(fields[i + 1], needle, 1, true) ~= nil
    end
  end
  return true -- no targets field: let the reader report the malformed entry
end

local function lowestFloor()
  local all = redis.call('HGETALL', FLOORS)
  local lowest, who = nil, ''
  for i = 1, #all, 2 do
    local floor = tonumber(all[i + 1])
    if lowest == nil or floor < lowest then
      lowest, who = floor, all[i]
    end
  end
  return lowest, who
end

local function trim()
  -- with no receiver left (all forgotten), nothing retained is owed to anyone
  local lowest = lowestFloor() or tonumber(redis.call('GET', SEQ) or '0')
  if lowest > 0 then
    redis.call('XTRIM', STREAM, 'MINID', id(lowest + 1))
  end
end

local op = ARGV[1]
if op == 'publish' then
  trim()
  local backlog = redis.call('XLEN', STREAM)
  if backlog >= tonumber(ARGV[2]) then
    local lowest, who = lowestFloor()
    return {0, backlog, who, lowest or 0}
  end
  local seq = redis.call('INCR', SEQ)
  local isTarget = {}
  for i = 8, #ARGV do
    isTarget[ARGV[i]] = true
  end
  local all = redis.call('HGETALL', FLOORS)
  local known = {}
  for i = 1, #all, 2 do
    known[all[i]] = true
    if not isTarget[all[i]] and tonumber(all[i + 1]) == seq - 1 then
      redis.call('HSET', FLOORS, all[i], seq)
    end
  end
  for target in pairs(isTarget) do
    if not known[target] then
      redis.call('HSET', FLOORS, target, seq - 1)
    end
  end
  redis.call('XADD', STREAM, id(seq), 't', ARGV[3], 'n', ARGV[4], 'p', ARGV[5], 's', ARGV[6],
    'd', ARGV[7])
  return {1, seq}
elseif op == 'poll' then
  local receiver, max = ARGV[2], tonumber(ARGV[3])
  local acked = tonumber(redis.call('HGET', ACKS, receiver) or '0')
  local published = tonumber(redis.call('GET', SEQ) or '0')
  if acked > published then
    return {-1, acked, published}
  end
  -- everything up to the floor is acknowledged or not for this receiver: start after it
  local floor = redis.call('HGET', FLOORS, receiver)
  if not floor then
    return {1} -- never targeted by this origin
  end
  local needle = ',' .. receiver .. ','
  local out = {1}
  local from = math.max(acked, tonumber(floor)) + 1
  while true do
    local batch = redis.call('XRANGE', STREAM, id(from), '+', 'COUNT', BATCH)
    for _, entry in ipairs(batch) do
      if targets(entry, needle) then
        out[#out + 1] = entry
        if #out > max then
          return out
        end
      end
      from = sequenceOf(entry) + 1
    end
    if #batch < BATCH then
      return out
    end
  end
elseif op == 'ack' then
  local receiver, sequence = ARGV[2], tonumber(ARGV[3])
  local published = tonumber(redis.call('GET', SEQ) or '0')
  if sequence > published then
    return {-1, published}
  end
  local acked = tonumber(redis.call('HGET', ACKS, receiver) or '0')
  if sequence > acked then
    redis.call('HSET', ACKS, receiver, sequence)
    acked = sequence
  end
  local floor = redis.call('HGET', FLOORS, receiver)
  if floor then
    floor = math.max(tonumber(floor), acked)
    local needle = ',' .. receiver .. ','
    local scanning = true
    while scanning do
      local batch = redis.call('XRANGE', STREAM, id(floor + 1), '+', 'COUNT', BATCH)
      for _, entry in ipairs(batch) do
        if targets(entry, needle) then
          scanning = false
          break
        end
        floor = sequenceOf(entry)
      end
      if #batch < BATCH then
        scanning = false
      end
    end
    redis.call('HSET', FLOORS, receiver, floor)
    trim()
  end
  return {1, acked}
end
return redis.error_reply('unknown replication operation ' .. tostring(op))
