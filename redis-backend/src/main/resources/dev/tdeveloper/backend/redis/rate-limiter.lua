-- One rate-limit decision (GCRA), atomically, on the server's clock. See RateLimiterStore.
--
-- Lua numbers are doubles, exact only below 2^53, while times reach 2^62 ns. So every time is a
-- pair (seconds, nanoseconds) with 0 <= nanoseconds < 1e9, and only exact operations on pairs are
-- used: add, subtract, compare (both operands normalized, so one carry or borrow suffices).
-- Products (permits * T) and tolerances arrive precomputed as pairs; the client derives the
-- reported figures (remaining, reset) from the deltas returned. The hot path parses no spec and
-- allocates two tables (the deltas and the answer); a policy swap takes the slow path.
--
-- KEYS[1]  the key; its value is "<spec>|<s1>,<n1>|<s2>,<n2>..." (theoretical arrival times)
-- ARGV[1]  "acquire" or "give-back"
-- ARGV[2]  ARGV[3]  a frozen clock (seconds, nanoseconds) for tests, or "" "" for TIME
-- ARGV[4]  the spec "name,k,T1,tolerance1,capacity1,..." (PolicySpec.toArguments joined by ",")
--          followed by "|": the stored value's prefix
-- ARGV[5]  k, the number of limits
-- ARGV[6]  ARGV[7]  acquire: the allowance (maxWait capped at 2^61) as a pair; give-back: unused
-- then per limit i: T (decimal), tolerance pair, charge pair (permits * T)
--
-- Returns {allowed, worstOverS, worstOverN, d1S, d1N, ...}: di is the limit's arrival time minus
-- now after the decision (give-back returns an empty array).

local B = 1000000000
local prefix = ARGV[4]
local k = tonumber(ARGV[5])

local nowS, nowN, padMs
if ARGV[2] == '' then
  local t = redis.call('TIME')
  nowS, nowN, padMs = tonumber(t[1]), tonumber(t[2]) * 1000, 0
else
  nowS, nowN, padMs = tonumber(ARGV[2]), tonumber(ARGV[3]), 3600000
end

-- d[2i-1], d[2i]: limit i's arrival time relative to now, in this spec (all zero when full)
local d = {}
local raw = redis.call('GET', KEYS[1])
local live, converted = false, false
if raw then
  if string.find(raw, prefix, 1, true) == 1 then
    local pos = #prefix + 1
    for i = 1, k do
      local s, n, nxt = string.match(raw, '^(-?%d+),(%d+)|?()', pos)
      s, n = tonumber(s) - nowS, tonumber(n) - nowN
      if n < 0 then
        s, n = s - 1, n + B
      end
      d[2 * i - 1], d[2 * i] = s, n
      if s > 0 or (s == 0 and n > 0) then
        live = true
      end
      pos = nxt
    end
  else
    -- another spec: carry the permits in use over, as GcraArithmetic does (in doubles)
    local oldSpec = string.match(raw, '^[^|]*')
    local oldT = {}
    local field = 0
    for value in string.gmatch(oldSpec, '[^,]+') do
      field = field + 1
      if field >= 3 and (field - 3) % 3 == 0 then
        oldT[#oldT + 1] = tonumber(value)
      end
    end
    local used, largest, count = {}, 0, 0
    for s, n in string.gmatch(raw, '|(-?%d+),(%d+)') do
      count = count + 1
      s, n = tonumber(s) - nowS, tonumber(n) - nowN
      if n < 0 then
        s, n = s - 1, n + B
      end
      local ahead = 0
      if s > 0 or (s == 0 and n > 0) then
        live = true
        ahead = s * B + n
      end
      used[count] = ahead / oldT[count]
      if used[count] > largest then
        largest = used[count]
      end
    end
    if live then
      converted = true
      for j = 1, k do
        local a = 8 + 5 * (j - 1)
        local tolS, tolN = tonumber(ARGV[a + 1]), tonumber(ARGV[a + 2])
        local x = math.ceil((used[j] or largest) * tonumber(ARGV[a]))
        local xn = math.fmod(x, B)
        local xs = (x - xn) / B
        if x >= 4611686018427387904 or xs > tolS or (xs == tolS and xn > tolN) then
          xs, xn = tolS, tolN
        end
        d[2 * j - 1], d[2 * j] = xs, xn
      end
    end
  end
end
if not live then
  for i = 1, 2 * k do
    d[i] = 0
  end
end

-- writes the arrival times now + (a[o+2i-1], a[o+2i]), or deletes the key when all are past
local function store(a, o)
  local maxS, maxN = a[o + 1], a[o + 2]
  for i = 2, k do
    local s, n = a[o + 2 * i - 1], a[o + 2 * i]
    if s > maxS or (s == maxS and n > maxN) then
      maxS, maxN = s, n
    end
  end
  if maxS < 0 or (maxS == 0 and maxN <= 0) then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return
  end
  local value = prefix
  for i = 1, k do
    local s, n = nowS + a[o + 2 * i - 1], nowN + a[o + 2 * i]
    if n >= B then
      s, n = s + 1, n - B
    end
    if i == 1 then
      value = value .. string.format('%.0f,%.0f', s, n)
    else
      value = value .. string.format('|%.0f,%.0f', s, n)
    end
  end
  local ms = maxS * 1000 + math.ceil(maxN / 1000000) + padMs
  redis.call('SET', KEYS[1], value, 'PX', string.format('%.0f', ms))
end

if ARGV[1] == 'give-back' then
  if not live then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return {}
  end
  for i = 1, k do
    local a = 8 + 5 * (i - 1)
    local s, n = d[2 * i - 1] - tonumber(ARGV[a + 3]), d[2 * i] - tonumber(ARGV[a + 4])
    if n < 0 then
      s, n = s - 1, n + B
    end
    d[2 * i - 1], d[2 * i] = s, n
  end
  store(d, 0)
  return {}
end

-- result[3+2i], result[4+2i]: limit i's arrival time after an acquisition
local result = { 1, 0, 0 }
local worstS, worstN
for i = 1, k do
  local a = 8 + 5 * (i - 1)
  local s, n = d[2 * i - 1], d[2 * i]
  if s < 0 or (s == 0 and n <= 0) then
    s, n = 0, 0
  end
  s, n = s + tonumber(ARGV[a + 3]), n + tonumber(ARGV[a + 4])
  if n >= B then
    s, n = s + 1, n - B
  end
  result[2 + 2 * i], result[3 + 2 * i] = s, n
  s, n = s - tonumber(ARGV[a + 1]), n - tonumber(ARGV[a + 2])
  if n < 0 then
    s, n = s - 1, n + B
  end
  if worstS == nil or s > worstS or (s == worstS and n > worstN) then
    worstS, worstN = s, n
  end
end
result[2], result[3] = worstS, worstN

local allowS, allowN = tonumber(ARGV[6]), tonumber(ARGV[7])
if worstS > allowS or (worstS == allowS and worstN > allowN) then
  if converted or (raw and not live) then
    store(d, 0)
  end
  result[1] = 0
  for i = 1, 2 * k do
    result[3 + i] = d[i]
  end
else
  store(result, 3)
end
return result
