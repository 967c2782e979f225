export { usersRoutes } from './users.routes';
export { findSignedInUser, findUser, insertUser, assertAcceptablePassword } from './users.service';
