// ALTCHA's external build bundles no workers: this registers its static ones, which the
// Content-Security-Policy allows (worker-src 'self'), instead of blob: URLs, which it does not.
(() => {
  const { pbkdf2Worker, shaWorker } = document.currentScript.dataset;
  const algorithms = globalThis.$altcha.algorithms;
  for (const size of ["256", "384", "512"]) {
    algorithms.set(`PBKDF2/SHA-${size}`, () => new Worker(pbkdf2Worker));
    algorithms.set(`SHA-${size}`, () => new Worker(shaWorker));
  }
})();
