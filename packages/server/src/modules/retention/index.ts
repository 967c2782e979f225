export { runRetention } from './retention.job';
export { destroyFamilyFile } from './destroy-file';
