// The five flows as a team runs them: sanctumFlows with an adapter, here the bundled SPA's.
import { sanctumFlows, test } from 'sanctum-spa-kit';
import { bundledSpaAdapter } from '../../../tests/bundled-spa/adapter.ts';

sanctumFlows(test, bundledSpaAdapter);
