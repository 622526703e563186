-- wrk script for scripts/load-test.sh. Arguments after "--": MODE [MAX_REQUESTS_PER_THREAD] [SEED]
--   health    GET /health (the framework's ceiling: no computation)
--   distance  GET /distance?lat=..&lon=..&to=BLR|RUS with seeded random points over lat 45-65, lon 15-45
--   coverage  a mix: mostly cached coverages, some uncached ranges (new range_km values)
--   mixed     the soak mix (scripts/soak.sh): distance 55 %, batch of 20 points 5 %, coverage 17 % (a few
--             uncached), vector tiles z4-z12 18 %, coverage maps 5 %
-- Each thread stops after MAX_REQUESTS_PER_THREAD responses (wrk's -d bounds the time). done()
-- prints one line starting with RESULT, with non-2xx responses counted by the threads.

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

local mode, limit, count, non2xx, fivexx

-- a tile over the region of the claims (lon 14-50 E, lat 45-62 N) at zoom z
local function tile_path()
  local z = math.random(4, 12)
  local n = 2 ^ z
  local lon = 14 + 36 * math.random()
  local lat = math.rad(45 + 17 * math.random())
  local x = math.floor((lon + 180) / 360 * n)
  local y = math.floor((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * n)
  return string.format("/tiles/%d/%d/%d.mvt", z, x, y)
end

local function batch_body()
  local rows = {"id,lat,lon"}
  for i = 1, 20 do
    rows[#rows + 1] = string.format("%d,%.5f,%.5f", i, 45 + 20 * math.random(), 15 + 30 * math.random())
  end
  return table.concat(rows, "\n") .. "\n"
end

function init(args)
  mode = args[1] or "health"
  limit = tonumber(args[2] or "0")
  local seed = tonumber(args[3] or "20250124")
  math.randomseed(seed + 7919 * wrk.thread:get("id"))
  count = 0
  non2xx = 0
  fivexx = 0
  wrk.thread:set("non2xx", 0)
  wrk.thread:set("fivexx", 0)
end

local cached = {
  "/coverage/stats?from=BLR&range_km=30",
  "/coverage/stats?from=BLR&range_km=1000",
  "/coverage?site=lida-airbase&range_km=120",
  "/coverage?from=BLR&range_km=30",
}

local function coverage_path()
  local u = math.random()
  if u < 0.01 then
    -- uncached: Belarus at a range not asked before (0.1 km steps), a full engine computation
    return string.format("/coverage/stats?from=BLR&range_km=%.1f", 20 + math.random(0, 8000) / 10)
  elseif u < 0.06 then
    -- uncached: one site at a new range
    return string.format("/coverage?site=lida-airbase&range_km=%.1f", 50 + math.random(0, 10000) / 10)
  end
  return cached[math.random(#cached)]
end

function request()
  local path
  if mode == "distance" then
    local lat = 45 + 20 * math.random()
    local lon = 15 + 30 * math.random()
    local to = (math.random() < 0.5) and "BLR" or "RUS"
    path = string.format("/distance?lat=%.5f&lon=%.5f&to=%s", lat, lon, to)
  elseif mode == "coverage" then
    path = coverage_path()
  elseif mode == "mixed" then
    local u = math.random()
    if u < 0.55 then
      path = string.format("/distance?lat=%.5f&lon=%.5f&to=%s", 45 + 20 * math.random(), 15 + 30 * math.random(),
        (math.random() < 0.5) and "BLR" or "RUS")
    elseif u < 0.60 then
      return wrk.format("POST", "/distance/batch?to=BLR", {["Content-Type"] = "text/csv"}, batch_body())
    elseif u < 0.77 then
      path = coverage_path()
    elseif u < 0.95 then
      path = tile_path()
    else
      path = (math.random() < 0.5) and "/maps/coverage.png?from=BLR&range_km=30"
        or "/maps/coverage.svg?site=lida-airbase&range_km=120"
    end
  else
    path = "/health"
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  count = count + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    wrk.thread:set("non2xx", non2xx)
  end
  if status >= 500 then
    fivexx = fivexx + 1
    wrk.thread:set("fivexx", fivexx)
  end
  if limit > 0 and count >= limit then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local bad = 0
  local server = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    server = server + (t:get("fivexx") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.0f p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f"
      .. " non2xx=%d fivexx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000, bad, server, e.connect, e.read, e.write, e.timeout))
end
