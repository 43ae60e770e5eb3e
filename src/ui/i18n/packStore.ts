/** Which language packs have arrived (packs.ts loads them); English is built in. */
import { create } from 'zustand'
import type { Lang } from '../../sim'

export const usePacks = create<{ ready: Lang[] }>(() => ({ ready: ['en'] }))
