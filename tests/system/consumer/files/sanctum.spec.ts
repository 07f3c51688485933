import { sanctumFlows, sanctumWireChecks, test } from 'sanctum-spa-kit';
import { spaAdapter } from './spa-adapter';

sanctumFlows(test, spaAdapter);
sanctumWireChecks(test);
