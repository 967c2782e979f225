export { signalsRoutes } from './signals.routes';
export { refreshSignalsForFamily } from './matching';
export { destroySignalsOfFamily, expireSignals } from './retention';
