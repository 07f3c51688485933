import { sanctumFlows, sanctumWireChecks, test } from 'sanctum-spa-kit';
import { adapter } from './adapter';

sanctumFlows(test, adapter);
sanctumWireChecks(test);
