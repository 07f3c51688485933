import { test as base } from '@playwright/test';
import { startLaravelLikeApi, type LaravelLikeApi, type LaravelLikeOptions } from './laravel-like-api.ts';

/** Starts Laravel-like APIs for a test; each is closed when the test ends, whatever happened. */
export const test = base.extend<{ laravelLikeApi: (options: LaravelLikeOptions) => Promise<LaravelLikeApi> }>({
  laravelLikeApi: async ({}, use) => {
    const started: LaravelLikeApi[] = [];
    await use(async (options) => {
      const api = await startLaravelLikeApi(options);
      started.push(api);
      return api;
    });
    await Promise.all(started.map((api) => api.close()));
  },
});

export { expect } from '@playwright/test';
