import { sanctumFlows, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// The five flows on the server-rendered SPA. Its server asks the API first
// and hands the browser the XSRF-TOKEN with the page, so the SPA has a token
// before its first call and never asks /sanctum/csrf-cookie: a deliberate
// other design, which the seed's contract is relaxed for.
sanctumFlows(test, bundledSpaAdapter, { csrfCookieFirst: false });
