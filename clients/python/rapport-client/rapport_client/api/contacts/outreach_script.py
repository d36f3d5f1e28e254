from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outreach_script import OutreachScript
from ...models.outreach_template import OutreachTemplate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: UUID,
    *,
    template: OutreachTemplate,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_template = template.value
    params["template"] = json_template

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/contacts/{id}/outreach-script".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | OutreachScript | Problem | None:
    if response.status_code == 200:
        response_200 = OutreachScript.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Any | OutreachScript | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OutreachScript | Problem]:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OutreachScript | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        template=template,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
    if_none_match: str | Unset = UNSET,
) -> Any | OutreachScript | Problem | None:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OutreachScript | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        template=template,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | OutreachScript | Problem]:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OutreachScript | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        template=template,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
    if_none_match: str | Unset = UNSET,
) -> Any | OutreachScript | Problem | None:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OutreachScript | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            template=template,
            if_none_match=if_none_match,
        )
    ).parsed
