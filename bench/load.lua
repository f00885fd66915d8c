-- wrk script of bench/bench_load.py: rotates over the paths in $BENCH_LOAD_PATHS (one a line), each
-- thread from its own offset; with $BENCH_LOAD_PORTS ("8001,8002") the threads are shared out among
-- those app servers. Counts non-2xx answers (wrk itself counts only >= 400) and prints one JSON line.
local paths = {}
for line in io.lines(os.getenv("BENCH_LOAD_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local ports = {}
for port in string.gmatch(os.getenv("BENCH_LOAD_PORTS") or "", "%d+") do ports[#ports + 1] = port end

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("offset", thread_count)
  if #ports > 0 then
    thread.addr = wrk.lookup("127.0.0.1", ports[(thread_count - 1) % #ports + 1])[1]
  end
  table.insert(threads, thread)
end

-- Globals, not locals: done() reads each thread's non_2xx and statuses with thread:get.
function init(args)
  index = offset * 7919 % #paths  -- a different place in the list for each thread
  non_2xx = 0
  statuses = {}
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], {["X-Forwarded-Proto"] = "https"})
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non_2xx = non_2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  local codes = {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non_2xx")
    for status, count in pairs(thread:get("statuses")) do
      codes[#codes + 1] = string.format('"%d": %d', status, count)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH-LOAD-JSON {"requests": %d, "seconds": %.3f, "bytes": %d, "non_2xx": %d, "statuses": {%s}, ' ..
    '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, ' ..
    '"latency_ms": {"mean": %.2f, "p50": %.2f, "p90": %.2f, "p95": %.2f, "p99": %.2f, "max": %.2f}}\n',
    summary.requests, summary.duration / 1e6, summary.bytes, bad, table.concat(codes, ", "),
    e.connect, e.read, e.write, e.timeout,
    latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
