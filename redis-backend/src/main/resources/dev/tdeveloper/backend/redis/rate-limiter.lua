-- One rate-limit decision (GCRA), atomically, on the server's clock. See RateLimiterStore.
--
-- Lua numbers are doubles, exact only below 2^53, while times reach 2^62 ns. So every time is a
-- pair (seconds, nanoseconds) with 0 <= nanoseconds < 1e9, and only exact operations on pairs are
-- used: add, subtract, compare (operands normalized, so one carry or borrow suffices). The client
-- sends every number packed as little-endian doubles (one struct.unpack) and derives the figures
-- of the decision from the arrival times this script answers. Cost per call: TIME, GET, one SET
-- when allowed; the common call (one limit, a charge, a value of this spec) takes a short path.
--
-- KEYS[1]  the key; its value is the spec, '#', per limit its arrival time as two little-endian
--          doubles (seconds, nanoseconds), then the key's expiry E (milliseconds on the script's
--          clock, a double). The key lives until E, at most EXPIRY_SLACK ms (+1 for rounding) after
--          its latest arrival time: a charge whose state E still covers keeps the key's TTL
--          (KEEPTTL); any other write sets E = what it needs + EXPIRY_SLACK (PX). A value of this
--          spec without E (written by the previous build) is read, and gets an E when written; a
--          value in no known format counts as no state.
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
local EXPIRY_SLACK = 1000
local prefix = ARGV[1]
local v = { struct.unpack(ARGV[2], ARGV[3]) }
local k = (#v - 5) / 5
local nowS, nowN, padMs = v[1], v[2], 3600000
if nowN < 0 then
  local t = redis.call('TIME')
  nowS, nowN, padMs = tonumber(t[1]), t[2] * 1000, 0
end
local nowMs = nowS * 1000 + math.floor(nowN / 1000000)
local raw = redis.call('GET', KEYS[1])
local allowS, allowN = v[3], v[4]

-- the short path: one limit, a charge, no state or a state of this spec with its expiry
if k == 1 and allowS >= 0 and (not raw or (#raw == #prefix + 24
    and string.find(raw, prefix, 1, true) == 1)) then
  local s, n, expiresAt = 0, 0, nil
  if raw then
    s, n, expiresAt = struct.unpack('<ddd', raw, #prefix + 1)
    s, n = s - nowS, n - nowN
    if n < 0 then
      s, n = s - 1, n + B
    end
    if s < 0 or (s == 0 and n <= 0) then
      s, n = 0, 0
    end
  end
  local oS, oN = s + v[8] - v[6], n + v[9] - v[7]
  if oN < 0 then
    oS, oN = oS - 1, oN + B
  elseif oN >= B then
    oS, oN = oS + 1, oN - B
  end
  if oS > allowS or (oS == allowS and oN > allowN) then
    if raw and s == 0 and n == 0 then
      redis.call('DEL', KEYS[1])
    end
    return { 0, s, n }
  end
  local ws, wn = s + v[8], n + v[9]
  if wn >= B then
    ws, wn = ws + 1, wn - B
  end
  local as, an = nowS + ws, nowN + wn
  if an >= B then
    as, an = as + 1, an - B
  end
  local need = nowMs + ws * 1000 + math.ceil(wn / 1000000) + padMs + 1
  if expiresAt and expiresAt >= need then
    redis.call('SET', KEYS[1], struct.pack('<c0ddd', prefix, as, an, expiresAt), 'KEEPTTL')
  else
    need = need + EXPIRY_SLACK
    redis.call('SET', KEYS[1], struct.pack('<c0ddd', prefix, as, an, need), 'PX',
      string.format('%d', need - nowMs))
  end
  return { 1, s, n }
end

-- writes the value body .. E, the latest relative arrival time being (s, n) > 0
local function store(body, s, n, expiresAt)
  local need = nowMs + s * 1000 + math.ceil(n / 1000000) + padMs + 1
  if expiresAt and expiresAt >= need then
    redis.call('SET', KEYS[1], body .. struct.pack('<d', expiresAt), 'KEEPTTL')
  else
    need = need + EXPIRY_SLACK
    redis.call('SET', KEYS[1], body .. struct.pack('<d', need), 'PX',
      string.format('%d', need - nowMs))
  end
end

-- r[2i], r[2i+1]: limit i's arrival time relative to now, in this spec (all zero when full)
local r = { 0, 0, 0 }
local live, converted, expiresAt = false, false, nil
if raw then
  local size = #raw - #prefix - 16 * k
  if (size == 8 or size == 0) and string.find(raw, prefix, 1, true) == 1 then
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
    if size == 8 then
      expiresAt = struct.unpack('<d', raw, pos)
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
      local oldSize = #raw - #old - 16 * #oldT
      if oldSize ~= 0 and oldSize ~= 8 then
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
    -- only a charge moves arrival times later, so only a charge may keep the expiry
    store(value, maxS, maxN, sign == 1 and not converted and expiresAt or nil)
  end
end
return r
