-- Raises the stored high-water mark to ARGV[1] unless it is already as high.
-- Both are decimal strings without leading zeros, compared exactly (no Lua doubles).
-- Answers {1} when raised, {0, stored} when not, {-1, stored} when the stored value is malformed.
local stored = redis.call('GET', KEYS[1])
if stored and not string.match(stored, '^%d+$') then
  return {-1, stored}
end
local mark = ARGV[1]
if stored and (#stored > #mark or (#stored == #mark and stored >= mark)) then
  return {0, stored}
end
redis.call('SET', KEYS[1], mark)
return {1}
