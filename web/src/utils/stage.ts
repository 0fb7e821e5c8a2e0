import type { ProjectApi } from '@/api/projects'

// One colour per stage: greys for early and parked states, blue → green along the
// funnel, red for the failures. Used by tags, board column heads and charts.
const COLORS: Record<ProjectApi.Stage, string> = {
  lead: '#6b7280',
  in_review: '#d97706',
  approved: '#2563eb',
  negotiating: '#7c3aed',
  signed: '#0d9488',
  construction: '#16a34a',
  production: '#15803d',
  rejected: '#dc2626',
  shelved: '#9ca3af',
  lost: '#b91c1c',
}

export const stageColor = (s: ProjectApi.Stage): string => COLORS[s] ?? '#6b7280'
