/** The VM-vs-container lab: the concept text's comparison table, measured live by the simulation. */
export function LabPanel() {
  return null
}
