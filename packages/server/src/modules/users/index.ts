export { usersRoutes } from './users.routes';
export { findUser, insertUser } from './users.service';
