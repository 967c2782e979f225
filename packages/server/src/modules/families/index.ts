export { familiesRoutes } from './families.routes';
export { assertMembersOfFamily, memberDatum, touchFamily } from './members.service';
export { familyNameDatum } from './families.service';
