import type { Core } from '@strapi/strapi';
import type supertest from 'supertest';

/** A full-access API token, as an integration or an editor's script would use. */
export async function fullAccessToken(strapi: Core.Strapi): Promise<string> {
  const token = await strapi.service('admin::api-token').create({
    name: `test-${Date.now()}-${Math.random()}`,
    type: 'full-access',
    lifespan: null,
    description: 'test token',
  });
  return token.accessKey;
}

/** A super admin's JWT for the admin API (the content manager). */
export async function superAdminToken(strapi: Core.Strapi, request: () => supertest.Agent): Promise<string> {
  const email = `editor-${Date.now()}@wsis.test`;
  const password = 'Editor-Password-2012';
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Editor',
    password,
    isActive: true,
    roles: [superAdmin.id],
  });
  const response = await request().post('/admin/login').send({ email, password }).expect(200);
  return response.body.data.token;
}

/** A registered stakeholder (users-permissions, Authenticated role) and their JWT. */
export async function stakeholder(strapi: Core.Strapi, name = `stakeholder${Date.now()}`) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi.db.query('plugin::users-permissions.user').create({
    data: { username: name, email: `${name}@wsis.test`, provider: 'local', confirmed: true, blocked: false, role: role.id },
  });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { user, jwt };
}
