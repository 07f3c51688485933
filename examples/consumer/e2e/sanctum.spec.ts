import { sanctumFlows, sanctumWireChecks, test } from 'sanctum-spa-kit';
import { acmeAdapter } from './acme-adapter.ts';

sanctumFlows(test, acmeAdapter);
sanctumWireChecks(test);
