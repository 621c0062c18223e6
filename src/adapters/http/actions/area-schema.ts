import { z } from 'zod';
import type { Area } from '../../../domain/area/area.js';
import { MAX_POLYGON_POINTS, MAX_RADIUS_METRES, MIN_RADIUS_METRES } from '../../../domain/area/area.js';
import type { LatLon } from '../../../domain/geo/lat-lon.js';

export const latLonSchema = z
  .object({
    lat: z.number().min(-90).max(90).describe('Breedtegraad (WGS84)'),
    lon: z.number().min(-180).max(180).describe('Lengtegraad (WGS84)'),
  })
  .strict();

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const circleSchema = z
  .object({
    kind: z.literal('circle'),
    centre: latLonSchema.describe('Plaats van het incident'),
    radiusMetres: z.number().int().min(MIN_RADIUS_METRES).max(MAX_RADIUS_METRES),
  })
  .strict();

const polygonSchema = z
  .object({
    kind: z.literal('polygon'),
    centre: latLonSchema.optional().describe('Plaats van het incident; standaard het midden van de polygoon'),
    polygon: z
      .object({
        type: z.literal('Polygon'),
        coordinates: z.array(z.array(position).min(4).max(MAX_POLYGON_POINTS)).min(1).max(20),
      })
      .strict()
      .describe('GeoJSON Polygon (RFC 7946), posities als [lon, lat]'),
  })
  .strict();

export const areaSchema = z.discriminatedUnion('kind', [circleSchema, polygonSchema]);
export type AreaBody = z.infer<typeof areaSchema>;

export function toArea(body: AreaBody): Area {
  if (body.kind === 'circle') return { kind: 'circle', centre: body.centre, radiusMetres: body.radiusMetres };
  const rings = body.polygon.coordinates.map((ring) => ring.map(([lon, lat]): LatLon => ({ lat, lon })));
  const outer = rings[0]!;
  const centre = body.centre ?? {
    lat: outer.reduce((s, p) => s + p.lat, 0) / outer.length,
    lon: outer.reduce((s, p) => s + p.lon, 0) / outer.length,
  };
  return { kind: 'polygon', centre, rings };
}

export function fromArea(area: Area): AreaBody {
  if (area.kind === 'circle') return area;
  return {
    kind: 'polygon',
    centre: area.centre,
    polygon: {
      type: 'Polygon',
      coordinates: area.rings.map((ring) => ring.map((p): [number, number] => [p.lon, p.lat])),
    },
  };
}
