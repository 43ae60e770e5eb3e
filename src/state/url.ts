/**
 * Settings a teacher or a tester puts in the URL. `?street=S|M|L` opens a sandbox street at a
 * benchmark size (10 houses/100 rooms, 500/15,000, 5,000/150,000); `?lab=N` opens the
 * VM-vs-container lab with N apartments and N rooms, already running (a teacher's sandbox preset).
 */
import { SCALE_SIZES } from '../sim'
import { useGame } from './game'

export function applyUrlOptions(search: string = typeof location === 'undefined' ? '' : location.search): void {
  const params = new URLSearchParams(search)
  const street = params.get('street')?.toUpperCase()
  if (street && street in SCALE_SIZES) useGame.getState().startStreet(street as keyof typeof SCALE_SIZES)
  const lab = params.get('lab')
  if (lab !== null && !street) useGame.getState().startLab(Number(lab) || 10)
}
