// Preloaded into every server the bench starts (with --expose-gc): SIGUSR2 runs a full garbage
// collection, so the bench can read what a server keeps after a load, apart from the garbage V8
// has not yet collected (which grows with the requests served per second). The handler is there
// even without `gc`: Node's default for SIGUSR2 would end the server. With BENCH_MEMORY_FILE set,
// the process's memory figures after the collection (process.memoryUsage(): the JavaScript heap
// apart from the rest of the resident memory) are written to that file.
const fs = require('fs');

process.on('SIGUSR2', () => {
  global.gc?.();
  if (process.env.BENCH_MEMORY_FILE) fs.writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify(process.memoryUsage()));
});
