-- The floor of the issue's design (one atomic Lua script per decision on the server's clock):
-- the three calls every such decision needs - read the clock, read the state, write the state
-- with an expiry - and no arithmetic at all. Benchmark-only; answers {1}.
local t = redis.call('TIME')
redis.call('GET', KEYS[1])
redis.call('SET', KEYS[1], t[1], 'PX', 3600000)
return { 1 }
