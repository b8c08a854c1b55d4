-- Test script for LuaScriptTest: answers what ARGV[1] names; KEYS[1] is only routed.
local kind = ARGV[1]
if kind == 'integers' then
  return { 1, -2, 3000000000, tonumber(ARGV[2]) }
elseif kind == 'string' then
  return 'text'
elseif kind == 'mixed' then
  return { 1, 'text' }
elseif kind == 'nested' then
  return { 1, { 2, 3 } }
elseif kind == 'error' then
  return redis.error_reply('ERR refused on purpose')
end
return {}
