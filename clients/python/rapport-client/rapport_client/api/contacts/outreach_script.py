from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.outreach_script import OutreachScript
from ...models.outreach_template import OutreachTemplate
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    id: UUID,
    *,
    template: OutreachTemplate,
) -> dict[str, Any]:

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

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OutreachScript | Problem | None:
    if response.status_code == 200:
        response_200 = OutreachScript.from_dict(response.json())

        return response_200

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
) -> Response[OutreachScript | Problem]:
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
) -> Response[OutreachScript | Problem]:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachScript | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        template=template,
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
) -> OutreachScript | Problem | None:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachScript | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        template=template,
    ).parsed


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
) -> Response[OutreachScript | Problem]:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutreachScript | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        template=template,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient,
    template: OutreachTemplate,
) -> OutreachScript | Problem | None:
    """Write an outreach script

     `phone_referral` is the classic call; `email_intro` a short email that
    names the connection first and ends with a question. Filled with the
    user's name and target field, the contact's name and the referrer's;
    what could not be filled is listed.

    Args:
        id (UUID):
        template (OutreachTemplate): The scripts on offer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutreachScript | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            template=template,
        )
    ).parsed
