// Preloaded into every server the bench starts (with --expose-gc): SIGUSR2 runs a full garbage
// collection, so the bench can read what a server keeps after a load, apart from the garbage V8
// has not yet collected (which grows with the requests served per second).
if (typeof global.gc === 'function') process.on('SIGUSR2', () => global.gc());
