/**
 * Capacity and queues, as a system of the simulation: each region's provisioned servers (the autoscaler's), the
 * share faults leave of them, and the region queues (the exact FIFO or the fluid model) that requests wait in.
 */
import type { Run } from '../core/run.ts';
import { Autoscaler, EVALUATION_S } from './autoscaler.ts';
import type { ScaleOrder } from './autoscaler.ts';
import { createExactQueues, createFluidQueues, type RegionQueues } from './regionQueues.ts';

export class CapacitySystem {
  autoscaler!: Autoscaler;
  queues!: RegionQueues;

  constructor(private readonly run: Run) {
    this.rebuild();
  }

  /** Requests per second region r can serve now: what is provisioned, less what faults took. */
  capacityNow(r: number): number {
    return (this.autoscaler.provisioned[r] ?? 0) * this.run.conditions.capacityFactorOf(r);
  }

  /** Fresh autoscaler and queues for the run's regions (at the start, and when a live edit changed the regions). */
  rebuild(): void {
    const { world, scenario, fidelity } = this.run;
    this.autoscaler = new Autoscaler(world.regions.map((r) => r.autoscale), world.regions.map((r) => r.capacityQps));
    const setup = {
      capacityQps: world.regions.map((_, r) => this.capacityNow(r)),
      meanServiceS: [...world.meanServiceS],
      shed: scenario.workload.overload === 'shed',
      timeoutS: scenario.workload.timeoutMs / 1000,
    };
    this.queues = fidelity === 'exact' ? createExactQueues(setup) : createFluidQueues(setup);
  }

  /** A live edit kept the regions but changed some capacities: the autoscaler starts from the new ones. */
  capacitiesEdited(previousQps: readonly number[]): void {
    const { world } = this.run;
    const changed = world.regions.some((r, i) => r.capacityQps !== previousQps[i]);
    if (!changed) return;
    world.regions.forEach((r, i) => {
      if (r.capacityQps !== previousQps[i]) this.autoscaler.provisioned[i] = r.capacityQps;
    });
    world.regions.forEach((_, r) => this.queues.setCapacity(r, this.capacityNow(r), this.run.timeS));
  }

  /** Region r's capacity changed (a fault, a recovery, servers ready): its queue serves at the new rate. */
  refresh(r: number): void {
    this.queues.setCapacity(r, this.capacityNow(r), this.run.timeS);
  }

  /** Every EVALUATION_S of control steps of `stepS`, the autoscaler orders servers for these arrival rates. */
  evaluate(arrivalQps: Float64Array, stepS: number, controlStep: number): void {
    if (controlStep > 0 && controlStep % Math.round(EVALUATION_S / stepS) === 0) {
      for (const order of this.autoscaler.evaluate(this.run.timeS, arrivalQps, (r) => this.run.conditions.capacityFactorOf(r))) {
        this.run.queue.push(order.readyAtS, { kind: 'scale-ready', order, version: this.run.version });
      }
    }
  }

  /** Servers an autoscaler ordered are ready. */
  onScaleReady(order: ScaleOrder): void {
    this.autoscaler.ready(order);
    this.refresh(order.region);
  }
}
