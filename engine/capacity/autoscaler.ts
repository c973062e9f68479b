/**
 * Autoscaling of a region's capacity: every EVALUATION_S the autoscaler compares the load with the capacity;
 * above the target utilisation it orders enough capacity to bring utilisation back to the target (up to the
 * ceiling), and the new capacity serves delayS later (instances boot and warm up). Capacity is not scaled
 * back in during a run.
 */
export const EVALUATION_S = 30;

export interface ScaleOrder {
  readonly region: number;
  readonly capacityQps: number;
  readonly readyAtS: number;
}

export class Autoscaler {
  /** Capacity each region is provisioned with (before any capacity loss), and any capacity on order. */
  readonly provisioned: Float64Array;
  private readonly ordered: Float64Array;

  constructor(
    private readonly settings: readonly ({ maxCapacityQps: number; delayS: number; targetUtilization: number } | undefined)[],
    baseCapacity: readonly number[],
  ) {
    this.provisioned = Float64Array.from(baseCapacity);
    this.ordered = Float64Array.from(baseCapacity);
  }

  /** Decisions at `nowS` for the expected load per region (requests/s) and the share of capacity left. */
  evaluate(nowS: number, loadQps: Float64Array, capacityFactor: (r: number) => number): ScaleOrder[] {
    const orders: ScaleOrder[] = [];
    this.settings.forEach((setting, r) => {
      if (!setting) return;
      const factor = Math.max(capacityFactor(r), 1e-6);
      const load = loadQps[r] ?? 0;
      const effective = (this.ordered[r] as number) * factor;
      if (load / effective <= setting.targetUtilization) return;
      const wanted = Math.min(setting.maxCapacityQps, load / setting.targetUtilization / factor);
      if (wanted <= (this.ordered[r] as number)) return;
      this.ordered[r] = wanted;
      orders.push({ region: r, capacityQps: wanted, readyAtS: nowS + setting.delayS });
    });
    return orders;
  }

  /** An order arrived: the region now has that capacity provisioned. */
  ready(order: ScaleOrder): void {
    this.provisioned[order.region] = Math.max(this.provisioned[order.region] as number, order.capacityQps);
  }
}
