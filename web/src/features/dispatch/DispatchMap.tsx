import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clockTime } from './format.ts';
import { technicianRow } from './layout.ts';
import type { Board, DispatchPlan, Place } from './types.ts';

// The board's map (issue 5 point 6), loaded with the board only when shown: the team base,
// each technician's start, every order (unassigned ones hollow and red), one coloured line per
// technician's route in visiting order. Tiles only when the dispatch.mapTileUrl setting names
// a server: with none the map still shows the places and routes on a blank background.

// Imported through Vite, so the marker works offline and with hashed asset names.
const baseIcon = L.icon({ iconUrl, iconRetinaUrl, shadowUrl, iconSize: [25, 41], iconAnchor: [12, 41], popupAnchor: [1, -34], shadowSize: [41, 41] });

const DEFAULT_CENTER: L.LatLngTuple = [31.23, 121.47];

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const ll = (p: Place): L.LatLngTuple => [p.latitude, p.longitude];

interface MapProps {
  board: Board;
  plan: DispatchPlan | null;
  colors: Map<string, string>;
  height?: number;
}

export default function DispatchMap({ board, plan, colors, height = 420 }: MapProps) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const tiles = useRef<L.TileLayer | null>(null);
  const fitted = useRef('');
  const [counts, setCounts] = useState({ routes: 0, orders: 0 });

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { center: DEFAULT_CENTER, zoom: 10, zoomControl: true, attributionControl: true });
    map.current = m;
    layers.current = L.layerGroup().addTo(m);
    return () => {
      m.remove();
      map.current = null;
      layers.current = null;
      tiles.current = null;
    };
  }, []);

  // The base map: only from a configured tile server.
  useEffect(() => {
    const m = map.current;
    if (!m) return;
    tiles.current?.remove();
    tiles.current = board.tileUrl ? L.tileLayer(board.tileUrl, { maxZoom: 19 }).addTo(m) : null;
  }, [board.tileUrl]);

  useEffect(() => {
    const m = map.current;
    const group = layers.current;
    if (!m || !group) return;
    group.clearLayers();
    const tz = board.timeZone;
    const points: L.LatLngTuple[] = [];
    const techName = new Map(board.technicians.map((x) => [x.id, x.name]));

    if (board.team.base) {
      const at = ll(board.team.base);
      points.push(at);
      L.marker(at, { icon: baseIcon, title: board.team.name, alt: board.team.name })
        .bindPopup(`<b>${esc(t('dispatch.map.base', { team: board.team.name }))}</b>${board.team.baseAddress ? `<br>${esc(board.team.baseAddress)}` : ''}`)
        .addTo(group);
    }
    for (const tech of board.technicians) {
      if (!tech.start) continue;
      const at = ll(tech.start);
      points.push(at);
      const color = colors.get(tech.id) ?? '#1677ff';
      L.circleMarker(at, { radius: 6, color, weight: 3, fillColor: '#fff', fillOpacity: 1, className: 'dispatch-tech-start' })
        .bindPopup(`<b>${esc(tech.name)}</b><br>${esc(t('dispatch.map.start', { place: t(`dispatch.map.place.${tech.shift?.startsFrom ?? 'office'}`) }))}`)
        .addTo(group);
      if (tech.current) {
        L.circleMarker(ll(tech.current), { radius: 4, color, weight: 1, fillColor: color, fillOpacity: 1, className: 'dispatch-tech-current' })
          .bindPopup(`<b>${esc(tech.name)}</b><br>${esc(t('dispatch.map.current', { at: clockTime(tech.current.at, tz) }))}`)
          .addTo(group);
      }
    }

    // Routes: from the plan, else from the orders' planned sequence.
    let routes = 0;
    const placed = new Map<string, { technicianId: string; sequence: number; arrive: string | null; start: string | null; end: string | null }>();
    for (const tech of board.technicians) {
      const row = technicianRow(board, plan, tech.id);
      const route = plan?.routes.find((r) => r.technicianId === tech.id);
      const visits = row.blocks.filter((b) => b.kind === 'visit');
      for (const v of visits) {
        placed.set(v.orderId, {
          technicianId: tech.id,
          sequence: v.sequence,
          arrive: v.stop?.arriveAt ?? null,
          start: new Date(v.start).toISOString(),
          end: new Date(v.end).toISOString(),
        });
      }
      const line: L.LatLngTuple[] = [];
      const start = route?.start ?? tech.start;
      if (start) line.push(ll(start));
      for (const v of visits) {
        const where = v.stop?.location ?? v.order?.location;
        if (where) line.push(ll(where));
      }
      const end = route?.end ?? tech.end;
      if (end && visits.length) line.push(ll(end));
      if (visits.length && line.length >= 2) {
        routes++;
        L.polyline(line, { color: colors.get(tech.id) ?? '#1677ff', weight: 3, opacity: 0.85, className: 'dispatch-route' })
          .bindPopup(`<b>${esc(tech.name)}</b><br>${esc(t('dispatch.map.routeStops', { n: visits.length }))}`)
          .addTo(group);
      }
    }

    let orders = 0;
    const stopLocation = new Map(plan?.routes.flatMap((r) => r.stops.map((s) => [s.orderId, s.location] as const)) ?? []);
    for (const o of board.orders) {
      const where = o.location ?? stopLocation.get(o.id);
      if (!where) continue;
      const at = ll(where);
      points.push(at);
      orders++;
      const p = placed.get(o.id);
      const color = p ? (colors.get(p.technicianId) ?? '#1677ff') : '#f5222d';
      const lines = [
        `<b>${esc(o.number)}</b>${p?.sequence ? ` · #${p.sequence}` : ''}`,
        esc(o.customerName),
        p
          ? esc(
              `${techName.get(p.technicianId) ?? ''} · ${t('dispatch.block.times', { arrive: clockTime(p.arrive ?? p.start, tz), start: clockTime(p.start, tz), end: clockTime(p.end, tz) })}`,
            )
          : esc(t('dispatch.map.unassigned')),
        o.arrivalDueAt ? esc(t('dispatch.block.deadline', { at: clockTime(o.arrivalDueAt, tz) })) : '',
      ].filter(Boolean);
      L.circleMarker(at, {
        radius: p ? 7 : 8,
        color: p ? '#fff' : color,
        weight: p ? 1.5 : 2.5,
        dashArray: p ? undefined : '3 3',
        fillColor: p ? color : '#fff',
        fillOpacity: p ? 0.95 : 0.9,
        className: p ? 'dispatch-order' : 'dispatch-order dispatch-order-unassigned',
      })
        .bindPopup(lines.join('<br>'))
        .addTo(group);
    }
    setCounts({ routes, orders });

    // Fit the view when another team, day or plan is shown, not on every refresh.
    const key = `${board.team.id}|${board.day}|${plan?.id ?? ''}`;
    if (fitted.current !== key) {
      fitted.current = key;
      if (points.length > 1) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 15 });
      else if (points.length === 1) m.setView(points[0]!, 13);
    }
  }, [board, plan, colors, t]);

  return (
    <div
      ref={element}
      data-testid="dispatch-map"
      data-routes={counts.routes}
      data-orders={counts.orders}
      data-tiles={board.tileUrl ? 'true' : 'false'}
      style={{ height, width: '100%', borderRadius: 6, background: '#eef2f6', zIndex: 0 }}
    />
  );
}
