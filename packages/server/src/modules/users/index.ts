export { usersRoutes } from './users.routes';
export { findUser, insertUser, presentUser, assertAcceptablePassword } from './users.service';
