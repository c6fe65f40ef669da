/** The Simulate Monthly Cost feature's command (package.json says the same; category "Prompt Cost"). */
export const enum SimulateCommandId {
  /** Opens the simulation panel for the prompt at the cursor, a CodeLens / quick pick, or the selection. */
  SimulateMonthlyCost = 'promptCost.simulateMonthlyCost',
}

/** Setting keys under `promptCost.` this feature reads (declared in package.json). */
export const SIMULATION_SECTION = 'simulation';
