"""Third training set of WhatsApp opt-outs that mention booking-like words, plus near misses.

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets.
A training set (read and learnt from): True = asks to stop messages, False = booking talk.
"""

from __future__ import annotations

__all__ = ["THIRD_TRAINING_OPT_OUT"]

# fmt: off
THIRD_TRAINING_OPT_OUT: list[tuple[str, bool]] = [
    # --- opt-outs that mention services, days, times, prices, professionals ---
    ("parei de fazer progressiva faz tempo, pode tirar meu numero dessa lista de promocao", True),
    (
        "Oi! Não faço mais unha aí, faço com uma amiga perto de casa. "
        "Podem parar de me mandar as ofertas, obg",
        True,
    ),
    (
        "gente eu marco tudo pelo app, nao precisa me mandar mensagem de horario vago nao. "
        "para pfv",
        True,
    ),
    (
        "toda promoção de vcs é na terça e terça eu trabalho o dia inteiro, entao nem adianta... "
        "me tira da lista por favor",
        True,
    ),
    ("R$ 180 numa escova com 'desconto'?? kkkk para de me mandar isso", True),
    (
        "quando eu quiser cortar eu mesma marco, nao precisa ficar mandando oferta toda semana "
        "ok? para",
        True,
    ),
    (
        "nao faço mais sobrancelha, nem manicure, nem pé e mão. so cortava o cabelo ai e agora "
        "nem isso. nao quero mais receber nada",
        True,
    ),
    (
        "Bom dia. Mudei de cidade, não vou mais agendar nada aí. "
        "Favor não enviar mais promoções.",
        True,
    ),
    ("mano para de mandar promo de barba, deixei crescer e nao corto mais 🧔", True),
    (
        "oxe, de novo promoção de luzes? ja disse que nao pinto mais o cabelo. "
        "para de mandar visse",
        True,
    ),
    ("SAIR. nao qero promoção de hidratação nem de nada", True),
    (
        "Oi Jéssica, amo seu trabalho mas to sem grana pra marcar nada esse ano 😔 "
        "pode parar de me mandar as promoções por enquanto?",
        True,
    ),
    (
        "vcs mandam vaga pra sabado 8h toda semana, eu nunca vou conseguir esse horario. "
        "nao mandem mais",
        True,
    ),
    (
        "bah tchê, não precisa mais me mandar esses horários livres de corte, "
        "corto com o Paulo em outro lugar agora. valeu",
        True,
    ),
    (
        "Eu agendo direto com a Carla pelo insta dela. "
        "Por favor não me envie mais mensagens automáticas de promoção.",
        True,
    ),
    (
        "depilação 50% off de novo? obrigada mas nao, e por favor para de me mandar isso, "
        "ja pedi outra vez",
        True,
    ),
    ("uai sô, para de mandar essas oferta de coloração, tô deixando o branco crescer", True),
    ("descadastrar. nao tenho interesse em pacote de escova", True),
    ("nao quero mais receber lembrete de retoque de raiz, parei de pintar. obrigada!", True),
    (
        "Por favor, removam meu número. Fiz a progressiva uma vez e não gostei, "
        "não pretendo voltar.",
        True,
    ),
    ("🙄🙄 toda sexta chega promoção de manicure. eu faço minha unha em casa. chega", True),
    (
        "Eu não vou marcar nada, nem corte nem escova nem nada. "
        "Só parem de me mandar mensagem por favor",
        True,
    ),
    (
        "quarta com 20% de desconto nao me serve, nunca serviu e nunca vai servir. "
        "me exclui dessa lista",
        True,
    ),
    (
        "Oi tudo bem? Então, eu tô grávida e não tô fazendo química, nada de progressiva nem "
        "luzes. Podem pausar as promoções pra mim? Quando eu quiser marcar eu falo com vcs",
        True,
    ),
    ("para de me mandar msg de vaga na agenda da Fernanda, eu nao sou mais cliente", True),
    ("nao tenho mais interesse em marcar horario ai. cancelem o envio de promocoes", True),
    (
        "eh serio, 3 msgs hj sobre hidratação de 89,90. nao quero. "
        "tira meu numero dessa lista ai",
        True,
    ),
    (
        "moça, eu só fiz uma sobrancelha uma vez aí de passagem, nem moro nessa cidade. "
        "pode me tirar?",
        True,
    ),
    (
        "não precisa me lembrar de agendar o corte todo mês, quando eu precisar eu chamo. "
        "desativa essas mensagens",
        True,
    ),
    (
        "já faço pé e mão por assinatura em outro salão, não preciso dessas ofertas. "
        "pode parar, obrigada 🙏",
        True,
    ),
    ("PARA DE MANDAR PROMOÇÃO. NÃO VOU MARCAR ESCOVA NENHUMA", True),
    (
        "ai gente, amo vcs, mas nao faço mais luzes, to no meu natural. "
        "nao me mandem mais essas promos de mechas ❤️",
        True,
    ),
    (
        "Não tenho horário livre de segunda a sábado, trabalho em escala. "
        "Então essas ofertas não servem pra mim, por favor interrompam.",
        True,
    ),
    (
        "meu marido que fazia barba ai e a gente se separou, esse numero agora é so meu. "
        "parem de mandar lembrete de barba pfv",
        True,
    ),
    (
        "to fazendo tratamento e perdi o cabelo, nao faz sentido receber promocao de corte e "
        "hidratacao. agradeço se pararem",
        True,
    ),
    ("stop promoções de depilação, fiz laser e não preciso mais", True),
    ("nao me manda mais essas de 'ultimas vagas pra amanha 14h' que eu nao vou. obg", True),
    (
        "pelo amor de Deus, chega de mensagem. "
        "Se eu quiser marcar manicure eu entro no aplicativo",
        True,
    ),
    (
        "oi, não quero participar do clube de desconto nem receber as promoções de quinta. "
        "pode tirar meu contato",
        True,
    ),
    ("kkkk 250 conto numa progressiva é promoção? to fora. e nao me mandem mais isso", True),
    (
        "prefiro nao receber mais essas mensagens de agendamento. "
        "faço escova com minha cunhada",
        True,
    ),
    (
        "Olá. Solicito a remoção do meu número da lista de envio. "
        "Não realizo mais serviços de coloração no salão.",
        True,
    ),
    ("nao to fazendo mais unha de gel, pode parar de mandar horario da Bia pra mim", True),
    (
        "ja marquei com outro salao, obrigado. "
        "e nao precisa mais me mandar essas ofertas de corte masculino",
        True,
    ),
    ("mds que chatice, todo dia um 'marque seu horário'. nao quero. me tira", True),
    ("nao curto depilação com cera, nunca vou fazer ai. por favor não enviem mais", True),
    (
        "Boa tarde! Se eu quiser fazer sobrancelha eu agendo. Não precisa mandar oferta, "
        "pode remover meu número, ok? Obrigada",
        True,
    ),
    (
        "eu cancelei meu horario de sabado e nao vou remarcar. "
        "tbm nao quero mais receber promocao de vcs",
        True,
    ),
    (
        "visse, essa promo de corte + escova por 99 so vale de manha e eu nao posso de manha. "
        "nem manda mais nao",
        True,
    ),
    (
        "nao sou eu que faço cabelo ai, é minha mae. esse numero é meu, "
        "para de mandar lembrete de hidratação",
        True,
    ),
    (
        "me tira da lista de transmissão, nao faço mais pé e mão desde que abri "
        "minha propria esmalteria",
        True,
    ),
    (
        "Não gostei do atendimento da última vez no corte e não pretendo agendar mais. "
        "Peço que parem de mandar mensagens.",
        True,
    ),
    (
        "podem parar com as promoções de dia das mães, luzes, botox, tudo. "
        "não vou fazer nada disso",
        True,
    ),
    (
        "tá, obrigada, mas não quero. E pode parar de me oferecer a vaga de quinta 16h, "
        "não vou marcar",
        True,
    ),
    (
        "eu so corto o cabelo 1x por ano e marco sozinha. nao precisa de lembrete nem promocao. "
        "desliga isso pra mim",
        True,
    ),
    ("nao quero mais msg de vcs. nem de corte, nem barba, nem sobrancelha, nada", True),
    ("Me descadastra por favor. Faço design de sobrancelha com a Lu no estúdio dela agora", True),
    (
        "nossa, 30% na hidratação só segunda? segunda nao da pra mim nunca... "
        "e pra ser sincera nem quero mais essas msgs, para",
        True,
    ),
    (
        "vcs podem parar de me mandar a agenda da semana? ja tenho horario fixo com a Rose "
        "toda quinzena, ela me chama direto",
        True,
    ),
    (
        "Tô sem tempo pra salão esse ano, trabalho + faculdade. "
        "Não quero receber mais as ofertas de escova e unha, obrigada",
        True,
    ),
    # --- near misses: refusal/stop words plus booking talk, but NOT an opt-out ---
    ("nao quero mais progressiva, quero marcar so um corte sexta", False),
    ("para de pensar, marca minha escova sabado 10h", False),
    ("não posso terça, tem quarta?", False),
    ("não gostei da promoção de luzes, mas quero hidratação. tem vaga essa semana?", False),
    ("parei de fazer gel, agora quero só esmaltação normal. a Bia tem horario quinta?", False),
    ("nao quero receber ligação, prefiro por aqui mesmo. quero agendar pé e mão sabado", False),
    ("sai caro a progressiva, mas e a hidratação quanto fica? da pra marcar pra amanha?", False),
    ("chega de cabelo comprido kkkk quero cortar curtinho, tem horario hj a tarde?", False),
    ("nao manda a Carla nao, quero com a Fernanda. sexta 15h pode ser?", False),
    ("cancela o de terça e remarca pra sabado de manha pfv", False),
    (
        "não quero mais fazer luzes, quero voltar pro castanho. "
        "consegue coloração semana que vem?",
        False,
    ),
    ("para tudo! vi a promo de escova, ainda tem vaga pra amanhã?", False),
    ("nao consigo ir no sabado nao, mas queria mudar pra domingo, vcs abrem?", False),
    ("desisti da barba, so quero o corte. tem vaga sabado cedo?", False),
    ("nao quero o pacote, so uma escova avulsa msm. quinta 18h da?", False),
    ("Não vou conseguir essa promoção de quarta, mas dá pra fazer o mesmo preço na sexta?", False),
    ("sem desconto mesmo, tranquilo. marca a manicure pra mim segunda 9h", False),
    ("parem de me enrolar kkk quero saber se tem horario pra progressiva ou nao", False),
    ("não faço mais unha com a Ju, quero passar pra Bia. ela tem horário sexta?", False),
    ("nao vou mais fazer a depilação completa, so axila e buço. posso marcar pra quarta?", False),
    ("Bom dia, não posso ir amanhã às 14h. Tem como passar pra 16h?", False),
    ("nem pensar em pagar 180 numa escova kkk mas se fizer por 120 eu marco sabado", False),
    ("para de mandar audio kkkk manda por escrito os horarios de corte de sexta", False),
    ("nao quero luzes nao, so retoque de raiz msm. qual o proximo horario livre?", False),
    ("não tenho interesse na hidratação, quero só o corte com a Rose dia 15", False),
    ("sem promo pra mim nao? kkk quero agendar pé e mão + sobrancelha pro sabado", False),
    ("oi, nao vou mais no sabado, mas quero remarcar pra proxima semana, pode ser terca?", False),
    ("tira meu nome do horario das 10h e coloca as 14h, mesma escova", False),
    ("me tira uma duvida, a promocao de coloração vale pra sabado? queria marcar", False),
    ("não quero barba não, só o pezinho e o corte. o Paulo atende domingo?", False),
]
# fmt: on
