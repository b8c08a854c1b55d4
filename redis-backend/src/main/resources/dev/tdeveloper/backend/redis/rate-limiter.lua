-- One rate-limit decision (GCRA), atomically, on the server's clock. See RateLimiterStore.
--
-- Lua numbers are doubles, exact only below 2^53, while times reach 2^62 ns. So every time is a
-- pair (seconds, nanoseconds) with 0 <= nanoseconds < 1e9, and only exact operations on pairs are
-- used: add, subtract, compare. Products (permits * T) and tolerances arrive precomputed as pairs;
-- the client derives the reported figures (remaining, reset) from the deltas returned.
--
-- KEYS[1]  the key; its value is "<spec>|<s1>,<n1>|<s2>,<n2>..." (theoretical arrival times)
-- ARGV[1]  "acquire" or "give-back"
-- ARGV[2]  ARGV[3]  a frozen clock (seconds, nanoseconds) for tests, or "" "" for TIME
-- ARGV[4]  the spec "name,k,T1,tolerance1,capacity1,..." (PolicySpec.toArguments joined by ",")
-- ARGV[5]  k, the number of limits
-- ARGV[6]  ARGV[7]  acquire: the allowance (maxWait capped at 2^61) as a pair; give-back: unused
-- then per limit i: T (decimal), tolerance pair, charge pair (permits * T)
--
-- Returns {allowed, worstOverS, worstOverN, d1S, d1N, ...}: di is the limit's arrival time minus
-- now after the decision (give-back returns an empty array).

local B = 1000000000

local function norm(s, n)
  local carry = math.floor(n / B)
  return s + carry, n - carry * B
end

local function greater(as, an, bs, bn)
  return as > bs or (as == bs and an > bn)
end

local function positive(s, n)
  return s > 0 or (s == 0 and n > 0)
end

-- splits an integer-valued double x, 0 <= x < 2^62, into a pair, exactly
local function split(x)
  local n = math.fmod(x, B)
  return (x - n) / B, n
end

local nowS, nowN, padMs
if ARGV[2] == '' then
  local t = redis.call('TIME')
  nowS, nowN, padMs = tonumber(t[1]), tonumber(t[2]) * 1000, 0
else
  nowS, nowN, padMs = tonumber(ARGV[2]), tonumber(ARGV[3]), 3600000
end

local spec = ARGV[4]
local k = tonumber(ARGV[5])
local T, tolS, tolN, chS, chN = {}, {}, {}, {}, {}
for i = 1, k do
  local a = 8 + 5 * (i - 1)
  T[i] = tonumber(ARGV[a])
  tolS[i], tolN[i] = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
  chS[i], chN[i] = tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
end

-- the key's arrival times relative to now, converted to this spec (all zero when full)
local dS, dN = {}, {}
local raw = redis.call('GET', KEYS[1])
local live, converted = false, false
local oldSpec
local oldS, oldN = {}, {}
if raw then
  local first = true
  for part in string.gmatch(raw, '[^|]+') do
    if first then
      oldSpec, first = part, false
    else
      local s, n = string.match(part, '^(-?%d+),(%d+)$')
      local ds, dn = norm(tonumber(s) - nowS, tonumber(n) - nowN)
      oldS[#oldS + 1], oldN[#oldN + 1] = ds, dn
      if positive(ds, dn) then
        live = true
      end
    end
  end
end
if not live then
  for i = 1, k do
    dS[i], dN[i] = 0, 0
  end
elseif oldSpec == spec then
  for i = 1, k do
    dS[i], dN[i] = oldS[i], oldN[i]
  end
else
  -- a policy swap: carry the permits in use over, as GcraArithmetic does (in doubles)
  converted = true
  local oldT = {}
  local field = 0
  for value in string.gmatch(oldSpec, '[^,]+') do
    field = field + 1
    if field >= 3 and (field - 3) % 3 == 0 then
      oldT[#oldT + 1] = tonumber(value)
    end
  end
  local used, largest = {}, 0
  for i = 1, #oldS do
    local d = 0
    if positive(oldS[i], oldN[i]) then
      d = oldS[i] * B + oldN[i]
    end
    used[i] = d / oldT[i]
    if used[i] > largest then
      largest = used[i]
    end
  end
  for j = 1, k do
    local p = used[j] or largest
    local x = math.ceil(p * T[j])
    if x >= 4611686018427387904 then
      dS[j], dN[j] = tolS[j], tolN[j]
    else
      local xs, xn = split(x)
      if greater(xs, xn, tolS[j], tolN[j]) then
        dS[j], dN[j] = tolS[j], tolN[j]
      else
        dS[j], dN[j] = xs, xn
      end
    end
  end
end

-- writes the state of deltas (sS, sN), or deletes it when every bucket is full
local function store(sS, sN)
  local maxS, maxN = sS[1], sN[1]
  for i = 2, k do
    if greater(sS[i], sN[i], maxS, maxN) then
      maxS, maxN = sS[i], sN[i]
    end
  end
  if not positive(maxS, maxN) then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return
  end
  local parts = { spec }
  for i = 1, k do
    local s, n = norm(nowS + sS[i], nowN + sN[i])
    parts[i + 1] = string.format('%.0f,%.0f', s, n)
  end
  local ms = maxS * 1000 + math.ceil(maxN / 1000000) + padMs
  redis.call('SET', KEYS[1], table.concat(parts, '|'), 'PX', string.format('%.0f', ms))
end

if ARGV[1] == 'give-back' then
  if not live then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return {}
  end
  for i = 1, k do
    dS[i], dN[i] = norm(dS[i] - chS[i], dN[i] - chN[i])
  end
  store(dS, dN)
  return {}
end

local allowS, allowN = tonumber(ARGV[6]), tonumber(ARGV[7])
local nextS, nextN = {}, {}
local worstS, worstN
for i = 1, k do
  local bS, bN = dS[i], dN[i]
  if not positive(bS, bN) then
    bS, bN = 0, 0
  end
  nextS[i], nextN[i] = norm(bS + chS[i], bN + chN[i])
  local oS, oN = norm(nextS[i] - tolS[i], nextN[i] - tolN[i])
  if worstS == nil or greater(oS, oN, worstS, worstN) then
    worstS, worstN = oS, oN
  end
end

local result
if greater(worstS, worstN, allowS, allowN) then
  if converted or (raw and not live) then
    store(dS, dN)
  end
  result = { 0, worstS, worstN }
  for i = 1, k do
    result[#result + 1] = dS[i]
    result[#result + 1] = dN[i]
  end
else
  store(nextS, nextN)
  result = { 1, worstS, worstN }
  for i = 1, k do
    result[#result + 1] = nextS[i]
    result[#result + 1] = nextN[i]
  end
end
return result
