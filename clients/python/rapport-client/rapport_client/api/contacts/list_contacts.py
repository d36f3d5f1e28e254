import datetime
from http import HTTPStatus
from typing import Any, cast
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.contact_segment import ContactSegment
from ...models.contact_sort import ContactSort
from ...models.contact_source import ContactSource
from ...models.employer_expansion import EmployerExpansion
from ...models.page_contact_response import PageContactResponse
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    source: list[ContactSource] | Unset = UNSET,
    has_hiring_power: bool | Unset = UNSET,
    segment: list[ContactSegment] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    archived: bool | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    expand: list[EmployerExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    params["q"] = q

    params["tag"] = tag

    params["company"] = company

    json_employer_id: str | Unset = UNSET
    if not isinstance(employer_id, Unset):
        json_employer_id = str(employer_id)
    params["employer_id"] = json_employer_id

    json_source: list[str] | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = []
        for source_item_data in source:
            source_item = source_item_data.value
            json_source.append(source_item)

    params["source"] = json_source

    params["has_hiring_power"] = has_hiring_power

    json_segment: list[str] | Unset = UNSET
    if not isinstance(segment, Unset):
        json_segment = []
        for segment_item_data in segment:
            segment_item = segment_item_data.value
            json_segment.append(segment_item)

    params["segment"] = json_segment

    json_updated_after: str | Unset = UNSET
    if not isinstance(updated_after, Unset):
        json_updated_after = updated_after.isoformat()
    params["updated_after"] = json_updated_after

    params["archived"] = archived

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_expand: list[str] | Unset = UNSET
    if not isinstance(expand, Unset):
        json_expand = []
        for expand_item_data in expand:
            expand_item = expand_item_data.value
            json_expand.append(expand_item)

    params["expand"] = json_expand

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageContactResponse | Problem | None:
    if response.status_code == 200:
        response_200 = PageContactResponse.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | PageContactResponse | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    source: list[ContactSource] | Unset = UNSET,
    has_hiring_power: bool | Unset = UNSET,
    segment: list[ContactSegment] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    archived: bool | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    expand: list[EmployerExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageContactResponse | Problem]:
    """List contacts

     Active contacts by name unless asked otherwise. `q` searches name,
    company, job title, field, tags and notes, ignoring case and accents.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        employer_id (UUID | Unset):
        source (list[ContactSource] | Unset):
        has_hiring_power (bool | Unset):
        segment (list[ContactSegment] | Unset):
        updated_after (datetime.datetime | Unset):
        archived (bool | Unset):
        sort (ContactSort | Unset): How the contact list is ordered.
        expand (list[EmployerExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageContactResponse | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        tag=tag,
        company=company,
        employer_id=employer_id,
        source=source,
        has_hiring_power=has_hiring_power,
        segment=segment,
        updated_after=updated_after,
        archived=archived,
        sort=sort,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    source: list[ContactSource] | Unset = UNSET,
    has_hiring_power: bool | Unset = UNSET,
    segment: list[ContactSegment] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    archived: bool | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    expand: list[EmployerExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageContactResponse | Problem | None:
    """List contacts

     Active contacts by name unless asked otherwise. `q` searches name,
    company, job title, field, tags and notes, ignoring case and accents.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        employer_id (UUID | Unset):
        source (list[ContactSource] | Unset):
        has_hiring_power (bool | Unset):
        segment (list[ContactSegment] | Unset):
        updated_after (datetime.datetime | Unset):
        archived (bool | Unset):
        sort (ContactSort | Unset): How the contact list is ordered.
        expand (list[EmployerExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageContactResponse | Problem
    """

    return sync_detailed(
        client=client,
        q=q,
        tag=tag,
        company=company,
        employer_id=employer_id,
        source=source,
        has_hiring_power=has_hiring_power,
        segment=segment,
        updated_after=updated_after,
        archived=archived,
        sort=sort,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    source: list[ContactSource] | Unset = UNSET,
    has_hiring_power: bool | Unset = UNSET,
    segment: list[ContactSegment] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    archived: bool | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    expand: list[EmployerExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageContactResponse | Problem]:
    """List contacts

     Active contacts by name unless asked otherwise. `q` searches name,
    company, job title, field, tags and notes, ignoring case and accents.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        employer_id (UUID | Unset):
        source (list[ContactSource] | Unset):
        has_hiring_power (bool | Unset):
        segment (list[ContactSegment] | Unset):
        updated_after (datetime.datetime | Unset):
        archived (bool | Unset):
        sort (ContactSort | Unset): How the contact list is ordered.
        expand (list[EmployerExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageContactResponse | Problem]
    """

    kwargs = _get_kwargs(
        q=q,
        tag=tag,
        company=company,
        employer_id=employer_id,
        source=source,
        has_hiring_power=has_hiring_power,
        segment=segment,
        updated_after=updated_after,
        archived=archived,
        sort=sort,
        expand=expand,
        limit=limit,
        cursor=cursor,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: str | Unset = UNSET,
    tag: str | Unset = UNSET,
    company: str | Unset = UNSET,
    employer_id: UUID | Unset = UNSET,
    source: list[ContactSource] | Unset = UNSET,
    has_hiring_power: bool | Unset = UNSET,
    segment: list[ContactSegment] | Unset = UNSET,
    updated_after: datetime.datetime | Unset = UNSET,
    archived: bool | Unset = UNSET,
    sort: ContactSort | Unset = UNSET,
    expand: list[EmployerExpansion] | Unset = UNSET,
    limit: int | Unset = UNSET,
    cursor: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageContactResponse | Problem | None:
    """List contacts

     Active contacts by name unless asked otherwise. `q` searches name,
    company, job title, field, tags and notes, ignoring case and accents.

    Args:
        q (str | Unset):
        tag (str | Unset):
        company (str | Unset):
        employer_id (UUID | Unset):
        source (list[ContactSource] | Unset):
        has_hiring_power (bool | Unset):
        segment (list[ContactSegment] | Unset):
        updated_after (datetime.datetime | Unset):
        archived (bool | Unset):
        sort (ContactSort | Unset): How the contact list is ordered.
        expand (list[EmployerExpansion] | Unset):
        limit (int | Unset):
        cursor (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageContactResponse | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            tag=tag,
            company=company,
            employer_id=employer_id,
            source=source,
            has_hiring_power=has_hiring_power,
            segment=segment,
            updated_after=updated_after,
            archived=archived,
            sort=sort,
            expand=expand,
            limit=limit,
            cursor=cursor,
            if_none_match=if_none_match,
        )
    ).parsed
