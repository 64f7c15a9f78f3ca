import type { RouterOutputs } from '@onewindow/api'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { trpc } from '../../trpc'

type Options = RouterOutputs['catalog']['options']
export type DepartmentOption = Options['departments'][number]
export type SkillOption = Options['skills'][number]

/**
 * Departments and skills (retired ones too, for filters over history) for the catalog's
 * pickers: fetched once, fetched again after the catalog changes.
 */
export const useCatalogStore = defineStore('catalog', () => {
  const departments = ref<DepartmentOption[]>([])
  const skills = ref<SkillOption[]>([])
  const loading = ref(false)
  let pending: Promise<void> | null = null

  const activeSkills = computed(() => skills.value.filter((skill) => skill.status === 'active'))

  async function fetchOptions(): Promise<void> {
    loading.value = true
    try {
      const options = await trpc.catalog.options.query({ includeRetired: true })
      departments.value = options.departments
      skills.value = options.skills
    } catch (error) {
      pending = null
      throw error
    } finally {
      loading.value = false
    }
  }

  function load(): Promise<void> {
    pending ??= fetchOptions()
    return pending
  }

  /** After a change to departments or skills. */
  function refresh(): Promise<void> {
    pending = fetchOptions()
    return pending
  }

  return { departments, skills, activeSkills, loading, load, refresh }
})
