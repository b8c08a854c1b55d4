-- wrk script for the demo's load test: the same mix as the Java generator (80% note reads, 15% note
-- writes, 5% usage reads per tenant, 3% attacks, one tenant flooding with 10%), tenants named by
-- subdomain (Host) or header as the roster says. Arguments after "--": one "id,noteId,how,role" per
-- tenant (LoadTest passes them). Tenants are drawn uniformly apart from the flood, for raw throughput.
-- X-Forwarded-For names the client as ClientAddresses does (the demo trusts 127.0.0.1 as its proxy):
-- tenant lt-N from its 8 clients 100.(64+c).(N/256).(N%256) in turn, the flood from 203.0.113.99,
-- attacks from 203.0.113.66.
local tenants = {}
local flood = nil
local attacks = {
  "?id=1%27%20OR%20%271%27%3D%271",
  "?q=%3Cscript%3Ealert(document.cookie)%3C%2Fscript%3E",
  "?file=..%2F..%2F..%2Fetc%2Fpasswd",
}
local port = nil
local counter = 0
local threads = 0

-- Runs in the main state: gives every thread its own id, so each draws its own random stream.
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  for _, a in ipairs(args) do
    local id, note, how, role = a:match("([^,]+),([^,]+),([^,]+),([^,]+)")
    local t = { id = id, note = note, subdomain = (how == "subdomain") }
    table.insert(tenants, t)
    if role == "FLOOD" then flood = t end
  end
  port = wrk.port or "80"
  math.randomseed(42 + (id or 0))
end

local clients_per_tenant = 8

local function address_of(t)
  local n = tonumber(t.id:match("^lt%-(%d+)$"))
  local c = counter % clients_per_tenant
  return "100." .. (64 + c) .. "." .. math.floor(n / 256) .. "." .. (n % 256)
end

local function headers_for(t, from)
  local h
  if t.subdomain then
    h = { ["Host"] = t.id .. ".localhost:" .. port }
  else
    -- a named host, as clients of the service send: a numeric Host scores CRS 920350
    h = { ["X-Tenant-Id"] = t.id, ["Host"] = "localhost:" .. port }
  end
  h["X-Forwarded-For"] = from or address_of(t)
  return h
end

function request()
  counter = counter + 1
  local r = math.random()
  if r < 0.03 then
    local t = tenants[math.random(#tenants)]
    return wrk.format("GET", "/notes/" .. t.note .. attacks[math.random(#attacks)],
      headers_for(t, "203.0.113.66"))
  end
  local t
  if r < 0.13 and flood then t = flood else t = tenants[math.random(#tenants)] end
  local p = math.random(100)
  if t == flood then
    return wrk.format("GET", "/notes/" .. t.note, headers_for(t, "203.0.113.99"))
  end
  if p <= 80 then
    return wrk.format("GET", "/notes/" .. t.note, headers_for(t))
  elseif p <= 95 then
    local h = headers_for(t)
    h["Content-Type"] = "application/json"
    return wrk.format("POST", "/notes", h, '{"text":"wrk note ' .. counter .. '"}')
  end
  return wrk.format("GET", "/usage", headers_for(t))
end
