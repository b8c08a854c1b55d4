-- One quota operation, atomically. Counters reach 2^63 - 1, beyond the doubles Lua computes in,
-- so every number travels as a decimal string and is computed as a pair (high, low) of base 1e9
-- digits, with exact additions, subtractions and comparisons only.
--
-- KEYS[1]  the counter; its value is "<used>|<expiresAtSecond>|<expiresAtNano>"
-- ARGV[1]  "add" or "subtract"
-- ARGV[2]  ARGV[3]  now on the store's clock (epoch second, nano)
-- ARGV[4]  the amount (decimal)
-- add:     ARGV[5] the limit (decimal); ARGV[6] ARGV[7] expiresAt (epoch second, nano);
--          ARGV[8] when the server drops the key (epoch milliseconds, after expiresAt)
--
-- Returns add: {1 if added else 0, used after (decimal)}; subtract: {1, used after (decimal)}.

local B = 1000000000

local function parse(s)
  if #s > 9 then
    return tonumber(string.sub(s, 1, -10)), tonumber(string.sub(s, -9))
  end
  return 0, tonumber(s)
end

local function format(h, l)
  if h > 0 then
    return string.format('%.0f%09.0f', h, l)
  end
  return string.format('%.0f', l)
end

local function greater(ah, al, bh, bl)
  return ah > bh or (ah == bh and al > bl)
end

local nowS, nowN = tonumber(ARGV[2]), tonumber(ARGV[3])
local raw = redis.call('GET', KEYS[1])
local live, uh, ul = false, 0, 0
if raw then
  local u, s, n = string.match(raw, '^(%d+)|(-?%d+)|(%d+)$')
  if greater(tonumber(s), tonumber(n), nowS, nowN) then
    live = true
    uh, ul = parse(u)
  end
end
local ah, al = parse(ARGV[4])

if ARGV[1] == 'subtract' then
  if not live then
    if raw then
      redis.call('DEL', KEYS[1])
    end
    return { 1, '0' }
  end
  local rh, rl = 0, 0
  if greater(uh, ul, ah, al) then
    rh, rl = uh - ah, ul - al
    if rl < 0 then
      rh, rl = rh - 1, rl + B
    end
  end
  local _, s, n = string.match(raw, '^(%d+)|(-?%d+)|(%d+)$')
  local used = format(rh, rl)
  redis.call('SET', KEYS[1], used .. '|' .. s .. '|' .. n, 'KEEPTTL')
  return { 1, used }
end

local lh, ll = parse(ARGV[5])
local xs, xn = tonumber(ARGV[6]), tonumber(ARGV[7])
local ended = not greater(xs, xn, nowS, nowN)
if ended then
  uh, ul = 0, 0
end
local sh, sl = uh + ah, ul + al
if sl >= B then
  sh, sl = sh + 1, sl - B
end
if greater(sh, sl, lh, ll) then
  return { 0, format(uh, ul) }
end
local used = format(sh, sl)
if ended then
  return { 1, used }
end
if live then
  local _, s, n = string.match(raw, '^(%d+)|(-?%d+)|(%d+)$')
  redis.call('SET', KEYS[1], used .. '|' .. s .. '|' .. n, 'KEEPTTL')
else
  redis.call('SET', KEYS[1], used .. '|' .. ARGV[6] .. '|' .. ARGV[7], 'PXAT', ARGV[8])
end
return { 1, used }
