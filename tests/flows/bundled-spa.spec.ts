import { sanctumFlows, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../bundled-spa/adapter.ts';

// The five flows, exactly as a consumer runs them against its own SPA.
sanctumFlows(test, bundledSpaAdapter);
