/** Layer rules (docs/architecture.md): adapters → app → domain, no cycles. Checked in CI by `npm run lint:layers`. */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment: 'The domain imports only the domain: no app, adapters, libraries or Node built-ins.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'app-uses-domain-and-ports-only',
      comment: 'Use cases talk to ports; adapters and frameworks stay at the edge.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { pathNot: '^src/(app|domain)/' },
    },
    {
      name: 'only-the-entry-composes',
      comment:
        'src/compose is the composition root: it imports the layers, none of them imports it (only main.ts and the CLI start the system).',
      severity: 'error',
      from: { path: '^src/(domain|app|adapters)/' },
      to: { path: '^src/compose/' },
    },
    {
      name: 'web-is-browser-code',
      comment:
        'src/web runs in the browser: it imports only src/web and browser packages, never server code or Node built-ins.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { pathNot: '^(src/web/|node_modules/)' },
    },
    {
      name: 'server-does-not-import-web',
      comment: 'The server serves src/web as bundles (adapters/http/server/browser-bundles.ts), it does not run it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/web/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'only-main-runs-the-cli',
      comment:
        'src/cli is the command line: its commands call use cases; only the entry (src/main.ts) builds and runs it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.ts$|cli/)' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'tests-stay-out-of-src',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(^test/|\\.test\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$' },
  },
};
