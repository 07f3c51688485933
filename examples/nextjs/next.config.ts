import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
  // A build folder per dev server (the e2e tests run one per worker): `next dev` locks its folder,
  // and a second server with the same one exits at start.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Route types through next-env.d.ts: otherwise `next dev` adds each new distDir to tsconfig.json.
  experimental: { strictRouteTypes: true },
};

export default nextConfig;
