import {
  catalogOptionsInput,
  createDepartmentInput,
  createItemInput,
  createSkillInput,
  deleteByCodeInput,
  listItemsInput,
  setCatalogStatusInput,
  updateDepartmentInput,
  updateItemInput,
  updateSkillInput,
} from '@onewindow/contracts'
import { permissionProcedure } from '../../trpc.ts'
import { actorOf } from '../operation-log/log-chain.ts'
import { catalogOptions } from './catalog-options.service.ts'
import {
  createDepartment,
  deleteDepartment,
  listDepartments,
  updateDepartment,
} from './departments.service.ts'
import { listItems } from './items.queries.ts'
import { createItem, deleteItem, setItemStatus, updateItem } from './items.service.ts'
import {
  createSkill,
  deleteSkill,
  listSkills,
  setSkillStatus,
  updateSkill,
} from './skills.service.ts'

const read = permissionProcedure('catalog.read')
const manage = permissionProcedure('catalog.manage')
const ok = { ok: true as const }

/** The district-wide catalog: everyone reads it, only the district admin changes it. */
export const catalogRouter = {
  options: read.input(catalogOptionsInput).query(({ ctx, input }) => catalogOptions(ctx.db, input)),

  departments: {
    list: read.query(({ ctx }) => listDepartments(ctx.db)),
    create: manage
      .input(createDepartmentInput)
      .mutation(({ ctx, input }) => createDepartment(ctx.db, actorOf(ctx), input)),
    update: manage.input(updateDepartmentInput).mutation(async ({ ctx, input }) => {
      await updateDepartment(ctx.db, actorOf(ctx), input)
      return ok
    }),
    delete: manage.input(deleteByCodeInput).mutation(async ({ ctx, input }) => {
      await deleteDepartment(ctx.db, actorOf(ctx), input.code)
      return ok
    }),
  },

  skills: {
    list: read.query(({ ctx }) => listSkills(ctx.db)),
    create: manage
      .input(createSkillInput)
      .mutation(({ ctx, input }) => createSkill(ctx.db, actorOf(ctx), input)),
    update: manage.input(updateSkillInput).mutation(async ({ ctx, input }) => {
      await updateSkill(ctx.db, actorOf(ctx), input)
      return ok
    }),
    setStatus: manage.input(setCatalogStatusInput).mutation(async ({ ctx, input }) => {
      await setSkillStatus(ctx.db, actorOf(ctx), input)
      return ok
    }),
    delete: manage.input(deleteByCodeInput).mutation(async ({ ctx, input }) => {
      await deleteSkill(ctx.db, actorOf(ctx), input.code)
      return ok
    }),
  },

  items: {
    list: read.input(listItemsInput).query(({ ctx, input }) => listItems(ctx.db, input)),
    create: manage
      .input(createItemInput)
      .mutation(({ ctx, input }) => createItem(ctx.db, actorOf(ctx), input)),
    update: manage.input(updateItemInput).mutation(async ({ ctx, input }) => {
      await updateItem(ctx.db, actorOf(ctx), input)
      return ok
    }),
    setStatus: manage.input(setCatalogStatusInput).mutation(async ({ ctx, input }) => {
      await setItemStatus(ctx.db, actorOf(ctx), input)
      return ok
    }),
    delete: manage.input(deleteByCodeInput).mutation(async ({ ctx, input }) => {
      await deleteItem(ctx.db, actorOf(ctx), input.code)
      return ok
    }),
  },
}
