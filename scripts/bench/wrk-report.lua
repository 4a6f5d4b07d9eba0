-- wrk's script for the benchmark (scripts/bench/wrk.mjs): prints the outcome as one JSON line,
-- and with WRK_PATHS set (paths separated by spaces) cycles each connection through those paths.
local list = os.getenv("WRK_PATHS")
if list and list ~= "" then
  local paths = {}
  for p in string.gmatch(list, "%S+") do paths[#paths + 1] = p end
  local counter = 0
  request = function()
    counter = counter + 1
    return wrk.format(nil, paths[(counter % #paths) + 1])
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
