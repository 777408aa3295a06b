'use client'
import { DateTimeField, useFormFields } from '@payloadcms/ui'
import type { DateFieldClientProps } from 'payload'
import React, { useEffect, useMemo } from 'react'

/**
 * One of an event's dates, shown and entered in the zone chosen beside the start. Payload's date
 * field reads its zone from `<path>_tz`; this keeps that companion equal to `startDate_tz` while
 * the editor works, and shows no picker of its own (an event has one zone).
 */
export const EventZoneDateField: React.FC<DateFieldClientProps> = (props) => {
  const path = props.path ?? props.field.name
  const zone = useFormFields(([fields]) => fields.startDate_tz?.value)
  const own = useFormFields(([fields]) => fields[`${path}_tz`]?.value)
  const dispatch = useFormFields(([, dispatchFields]) => dispatchFields)

  useEffect(() => {
    if (typeof zone === 'string' && zone && zone !== own) dispatch({ type: 'UPDATE', path: `${path}_tz`, value: zone })
  }, [dispatch, own, path, zone])

  // An empty list hides Payload's picker and keeps its conversion to and from the zone.
  const field = useMemo(() => ({ ...props.field, timezone: { supportedTimezones: [] } }), [props.field])
  return <DateTimeField {...props} field={field} />
}
