-- One rate-limit decision (GCRA), atomically, on the server's clock. See RateLimiterStore.
--
-- Lua numbers are doubles, exact only below 2^53, while times reach 2^62 ns. So every time is a
-- pair (seconds, nanoseconds) with 0 <= nanoseconds < 1e9, and only exact operations on pairs are
-- used: add, subtract, compare (operands normalized, so one carry or borrow suffices). The client
-- sends every number packed as little-endian doubles (one struct.unpack) and derives the figures
-- of the decision from the arrival times this script answers. Cost per call: TIME, GET, one SET
-- with PX when allowed, three tables (arguments, TIME's answer, the answer).
--
-- KEYS[1]  the key; its value is the spec, '#', then per limit its arrival time as two
--          little-endian doubles (seconds, nanoseconds)
-- ARGV[1]  the spec "name,k,T1,tolerance1,capacity1,..." (PolicySpec.toArguments joined by ",")
--          followed by '#': the stored value's prefix
-- ARGV[2]  the struct format of ARGV[3]: '<' and one 'd' per number
-- ARGV[3]  the numbers: clock seconds, clock nanoseconds (-1 for the server's TIME: a frozen clock
--          is for tests); allowance seconds, nanoseconds (maxWait capped at 2^61; seconds -1 for a
--          give-back); then per limit T, tolerance (s, ns), charge permits * T (s, ns)
--
-- Returns {allowed, d1s, d1n, ..., dks, dkn}: di is limit i's arrival time minus now before the
-- charge (after converting a state of another spec), possibly negative; allowed is 1 or 0
-- (always 0 for a give-back).

local B = 1000000000
local prefix = ARGV[1]
local v = { struct.unpack(ARGV[2], ARGV[3]) }
local k = (#v - 5) / 5
local nowS, nowN, padMs = v[1], v[2], 3600000
if nowN < 0 then
  local t = redis.call('TIME')
  nowS, nowN, padMs = tonumber(t[1]), t[2] * 1000, 0
end

-- r[2i], r[2i+1]: limit i's arrival time relative to now, in this spec (all zero when full)
local r = { 0, 0, 0 }
local raw = redis.call('GET', KEYS[1])
local live, converted = false, false
if raw then
  if string.find(raw, prefix, 1, true) == 1 then
    local pos = #prefix + 1
    for i = 1, k do
      local s, n
      s, n, pos = struct.unpack('<dd', raw, pos)
      s, n = s - nowS, n - nowN
      if n < 0 then
        s, n = s - 1, n + B
      end
      if s > 0 or (s == 0 and n > 0) then
        live = true
      end
      r[2 * i], r[2 * i + 1] = s, n
    end
  else
    -- another spec: carry the permits in use over, as GcraArithmetic does (in doubles). A value
    -- in no known format (written by an older build) counts as no state.
    local old = string.match(raw, '^[%w._,%-]*#')
    local oldT = {}
    if old then
      local field = 0
      for value in string.gmatch(old, '[^,#]+') do
        field = field + 1
        if field >= 3 and (field - 3) % 3 == 0 then
          oldT[#oldT + 1] = tonumber(value)
        end
      end
      if #raw ~= #old + 16 * #oldT then
        oldT = {}
      end
    end
    local used, largest, pos = {}, 0, (old and #old or 0) + 1
    for i = 1, #oldT do
      local s, n
      s, n, pos = struct.unpack('<dd', raw, pos)
      s, n = s - nowS, n - nowN
      if n < 0 then
        s, n = s - 1, n + B
      end
      local ahead = 0
      if s > 0 or (s == 0 and n > 0) then
        live = true
        ahead = s * B + n
      end
      used[i] = ahead / oldT[i]
      if used[i] > largest then
        largest = used[i]
      end
    end
    if live then
      converted = true
      for j = 1, k do
        local a = 5 * j
        local tolS, tolN = v[a + 1], v[a + 2]
        local x = math.ceil((used[j] or largest) * v[a])
        local xn = math.fmod(x, B)
        local xs = (x - xn) / B
        if x >= 4611686018427387904 or xs > tolS or (xs == tolS and xn > tolN) then
          xs, xn = tolS, tolN
        end
        r[2 * j], r[2 * j + 1] = xs, xn
      end
    end
  end
end
if not live then
  for i = 2, 2 * k + 1 do
    r[i] = 0
  end
end

-- sign: 1 charges (an allowed acquisition), -1 gives back, 0 keeps the converted state
local write, sign = false, 1
local allowS, allowN = v[3], v[4]
if allowS < 0 then
  if not live then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return r
  end
  write, sign = true, -1
else
  r[1] = 1
  for i = 1, k do
    local a = 5 * i
    local s, n = r[2 * i], r[2 * i + 1]
    if s < 0 or (s == 0 and n <= 0) then
      s, n = 0, 0
    end
    -- over = max(d, 0) + charge - tolerance, compared with the allowance
    s, n = s + v[a + 3] - v[a + 1], n + v[a + 4] - v[a + 2]
    if n < 0 then
      s, n = s - 1, n + B
    elseif n >= B then
      s, n = s + 1, n - B
    end
    if s > allowS or (s == allowS and n > allowN) then
      r[1] = 0
    end
  end
  if r[1] == 0 then
    write, sign = converted or (raw and not live), 0
  else
    write = true
  end
end

-- writes the arrival times now + r (charged or given back), or deletes the key when all are past
if write then
  local value, maxS, maxN = prefix, nil, nil
  for i = 1, k do
    local a = 5 * i
    local s, n = r[2 * i], r[2 * i + 1]
    if sign == 1 then
      if s < 0 or (s == 0 and n <= 0) then
        s, n = 0, 0
      end
      s, n = s + v[a + 3], n + v[a + 4]
    elseif sign == -1 then
      s, n = s - v[a + 3], n - v[a + 4]
    end
    if n < 0 then
      s, n = s - 1, n + B
    elseif n >= B then
      s, n = s + 1, n - B
    end
    if maxS == nil or s > maxS or (s == maxS and n > maxN) then
      maxS, maxN = s, n
    end
    s, n = nowS + s, nowN + n
    if n >= B then
      s, n = s + 1, n - B
    end
    value = value .. struct.pack('<dd', s, n)
  end
  if maxS < 0 or (maxS == 0 and maxN <= 0) then
    if raw then
      redis.call('DEL', KEYS[1])
    end
  else
    local ms = maxS * 1000 + math.ceil(maxN / 1000000) + padMs
    redis.call('SET', KEYS[1], value, 'PX', string.format('%d', ms))
  end
end
return r
