import type { FlowProblem } from './problems';

/** An edit of the flow files the running server refused: the last good flows keep running. */
export interface RefusedEdit {
  at: string;
  errors: FlowProblem[];
  warnings: FlowProblem[];
}

/**
 * What the owner should know about the flow files in force: the warnings of the flows running,
 * and the last edit that was refused, until a good one replaces it. /healthz, the dashboard's
 * banner and the owner's chat read it. No I/O: the Node watcher writes it, Workers never refuse.
 */
export class FlowStatus {
  private refusedEdit: RefusedEdit | null = null;
  private inForce: FlowProblem[] = [];

  accepted(warnings: readonly FlowProblem[]): void {
    this.refusedEdit = null;
    this.inForce = [...warnings];
  }

  refused(edit: RefusedEdit): void {
    this.refusedEdit = edit;
  }

  get refusal(): RefusedEdit | null {
    return this.refusedEdit;
  }

  get warnings(): readonly FlowProblem[] {
    return this.inForce;
  }
}
