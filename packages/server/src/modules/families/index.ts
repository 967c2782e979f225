export { familiesRoutes } from './families.routes';
export { touchFamily } from './members.service';
